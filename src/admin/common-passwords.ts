/**
 * Building blocks of the passwords people pick first (from the well-known top lists, French and
 * English) and keyboard rows. A long password made only of these, digits, years and separators
 * is refused: "motdepasse2024!!", "azertyuiopqsdfg", "passwordpassword".
 */
export const COMMON_WORDS = [
  'password', 'passw0rd', 'pass', 'passe', 'motdepasse', 'mdp', 'secret', 'admin', 'administrator',
  'administrateur', 'root', 'user', 'login', 'welcome', 'bienvenue', 'letmein', 'changeme', 'default',
  'test', 'guest', 'master', 'dragon', 'monkey', 'shadow', 'sunshine', 'princess', 'football',
  'baseball', 'soccer', 'iloveyou', 'jetaime', 'loulou', 'doudou', 'chouchou', 'soleil', 'marseille',
  'paris', 'france', 'nicolas', 'camille', 'julien', 'thomas', 'pierre', 'marie', 'michel',
  'superman', 'batman', 'starwars', 'pokemon', 'hello', 'bonjour', 'salut', 'coucou', 'trustno',
  'whatever', 'freedom', 'liberte', 'qwerty', 'azerty', 'abc', 'love', 'amour', 'chocolat',
  'vigie', 'status', 'statut', 'service', 'public', 'gouv', 'gouvernement', 'republique', 'ministere',
  'staff', 'agent', 'equipe', 'team', 'office', 'bureau', 'travail', 'work', 'summer', 'winter',
  'spring', 'autumn', 'ete', 'hiver', 'printemps', 'automne', 'janvier', 'fevrier', 'mars', 'avril',
  'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'lundi', 'access', 'acces', 'security', 'securite', 'secure', 'computer',
  'ordinateur', 'internet', 'google', 'microsoft', 'apple', 'samsung', 'facebook', 'linkedin',
  'correct', 'horse', 'battery', 'staple', 'my', 'the', 'mon', 'ma', 'le', 'la', 'new', 'nouveau',
] as const;

/** Keyboard rows and alphabets: any run of 3+ characters from them, forwards or backwards. */
export const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm',
  'azertyuiop', 'qsdfghjklm', 'wxcvbn',
  'qwertzuiop', 'yxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'aqwzsxedcrfvtgbyhnujikolpm',
] as const;
