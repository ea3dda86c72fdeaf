import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../src/i18n/french-spacing.ts';
import { typographyProblems } from './typography.ts';

/** Staff text typed in French, as published: the spacing of the dictionaries, and nothing else touched. */
const N = '\u00a0';

describe('frenchSpacing', () => {
  it.each([
    [
      'an ordinary space before a colon',
      'impots.gouv.fr : espace particulier indisponible',
      `impots.gouv.fr${N}: espace particulier indisponible`,
    ],
    ['no space before a colon', 'Attention: délai prolongé', `Attention${N}: délai prolongé`],
    ['semicolon, exclamation and question marks', 'Réessayez ; merci ! Un problème ?', `Réessayez${N}; merci${N}! Un problème${N}?`],
    ['glued signs', 'Vraiment?! Oui!', `Vraiment${N}?! Oui${N}!`],
    ['several spaces and a narrow one become one no-break space', 'Note  :  lire\u202f; fin', `Note${N}:  lire${N}; fin`],
    ['guillemets without spaces', '«Analyse en cours»', `«${N}Analyse en cours${N}»`],
    ['guillemets with ordinary spaces', '« Mon espace »', `«${N}Mon espace${N}»`],
    ['a sign after bold Markdown', '**Important**: lisez ceci', `**Important**${N}: lisez ceci`],
    ['a clock time', 'Rétabli à 10:30 et 10 h 45', 'Rétabli à 10:30 et 10 h 45'],
    ['a bare address', 'Voir https://www.impots.gouv.fr/?q=1&x=2 !', `Voir https://www.impots.gouv.fr/?q=1&x=2${N}!`],
    [
      'a Markdown link target',
      '[la FAQ](https://exemple.gouv.fr/faq?id=3) : lisez-la',
      `[la FAQ](https://exemple.gouv.fr/faq?id=3)${N}: lisez-la`,
    ],
    ['an autolink and a mail address', '<https://a.fr/b> ou mailto:x@y.fr ?', `<https://a.fr/b> ou mailto:x@y.fr${N}?`],
    ['inline code', 'Tapez `a : b` puis validez !', `Tapez \`a : b\` puis validez${N}!`],
    ['a code block', '```\nclé : valeur\n```\nFin !', `\`\`\`\nclé : valeur\n\`\`\`\nFin${N}!`],
    ['a line that starts with a colon keeps its line break', 'Liste\n: élément', 'Liste\n: élément'],
    ['a smiley stays on its word’s line', 'Merci :)', `Merci${N}:)`],
    ['text already right', `Panne${N}: 3${N}services`, `Panne${N}: 3${N}services`],
  ])('%s', (_, typed, published) => {
    expect(frenchSpacing(typed)).toBe(published);
    // Published once or twice, the same text.
    expect(frenchSpacing(frenchSpacing(typed))).toBe(published);
  });

  it('leaves nothing the typography rules object to in ordinary staff prose', () => {
    const typed = 'Les déclarations : reportées de 48 h ! Que faire ? Utilisez « Mon espace » ; merci.';
    expect(typographyProblems(frenchSpacing(typed).replace('48 h', `48${N}h`))).toEqual([]);
  });
});
