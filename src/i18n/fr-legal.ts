import { CONTENT_LICENCES, DEFAULT_CONTENT_LICENCE, type ContentLicence, type Prose } from '../config/operator-schema.ts';
import type { Processing } from '../legal/processings.ts';
import { CNIL_COMPLAINTS, MISSING } from './info-constants.ts';
import {
  given,
  mailto,
  proseIn,
  processingSection,
  type InfoFacts,
  type Inline,
  type Paragraph,
  type ProcessingLines,
  type Section,
} from './info-types.ts';

/** The legal notice (LCEN, article 6) and the personal-data page (RGPD, articles 13 and 15 to 21) in French. */

const missing = MISSING.fr;
const fact = (label: string, value: Inline): Paragraph => [`${label}\u00a0: `, value];
const absent: Inline = { text: missing, missing: true };

/** The mandatory lines of one processing of personal data. */
const LABELS = {
  purpose: 'Finalité\u00a0: ',
  basis: 'Base légale\u00a0: ',
  data: 'Données\u00a0: ',
  retention: 'Durée de conservation\u00a0: ',
  recipients: 'Destinataires\u00a0: ',
  processors: 'Sous-traitants\u00a0: ',
  rights: 'Vos droits\u00a0: ',
};
const processing = (heading: string, lines: ProcessingLines): Section => processingSection(heading, LABELS, lines);

const PUBLIC_TASK = 'exécution d’une mission d’intérêt public (article 6, paragraphe 1, point e, du RGPD).';

const STAFF = 'les agents habilités de l’éditeur.';
const PUBLIC_TASK_RIGHTS =
  'accès, rectification, effacement, limitation et opposition (articles 15 à 18 et 21 du RGPD), dans les conditions prévues par ces articles.';

/** The host always; the mail provider for what goes out by email. */
function processors(f: InfoFacts, mail = false): Inline[] {
  return [
    'l’hébergeur ',
    given(f.operator.host?.name, missing),
    ' (localisation des serveurs\u00a0: ',
    given(f.operator.host?.dataLocation, missing),
    ')',
    ...(mail ? [' et le prestataire d’envoi de courriels ', given(f.operator.dataProtection?.mailProvider, missing)] : []),
    '.',
  ];
}

const LICENCE_NAMES: Record<ContentLicence, string> = {
  'etalab-2.0': 'Licence Ouverte / Open Licence version\u00a02.0 (etalab-2.0)',
  'CC-BY-4.0': 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  'CC0-1.0': 'Creative Commons Zero 1.0 (CC0, versement au domaine public)',
};

const PROCESSINGS: Record<Processing, (f: InfoFacts) => Section> = {
  serverLogs: (f) =>
    processing('Journaux du serveur web', {
      purpose: 'assurer la sécurité et le bon fonctionnement du site (détecter les attaques et les pannes).',
      basis: PUBLIC_TASK,
      data: 'adresse IP, date et heure, adresse de la page demandée. Vigie lui-même n’écrit aucun journal des visites\u00a0: ce journal est celui du serveur frontal qui le sert.',
      retention:
        f.operator.dataProtection?.serverLogRetentionDays === undefined
          ? absent
          : `${f.operator.dataProtection.serverLogRetentionDays}\u00a0jours.`,
      recipients: STAFF,
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  staffAccounts: (f) =>
    processing('Comptes et sessions des agents', {
      purpose: 'permettre aux agents habilités de publier les incidents et les maintenances.',
      basis: PUBLIC_TASK,
      data: 'adresse électronique, empreinte du mot de passe (le mot de passe lui-même n’est pas conservé), secret du second facteur, et pour chaque session ouverte\u00a0: l’adresse IP de connexion, l’heure de connexion et celle de la dernière activité.',
      retention: `le compte est conservé tant que l’agent est habilité, puis reste enregistré une fois désactivé, pour que le journal des actions reste lisible\u00a0; une session prend fin à la déconnexion, après ${f.retention.sessionIdleMinutes}\u00a0min d’inactivité et au plus tard ${f.retention.sessionMaxHours}\u00a0h après la connexion.`,
      recipients: STAFF,
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  signInAudit: (f) =>
    processing('Journal des actions et des tentatives de connexion', {
      purpose:
        'savoir qui a publié ou modifié quoi, et protéger l’espace des agents contre les tentatives d’intrusion (limitation des essais de connexion).',
      basis: PUBLIC_TASK,
      data: 'adresse électronique saisie, adresse IP, date et heure, résultat de la tentative de connexion (réussie, refusée, ralentie), et pour chaque action d’un agent\u00a0: l’élément modifié, avant et après.',
      retention: `${f.retention.auditLogDays}\u00a0jours pour le journal\u00a0; ${f.retention.loginFailureHours}\u00a0h pour le décompte des échecs de connexion qui sert à ralentir les essais.`,
      recipients: 'les agents habilités de l’éditeur, qui consultent le journal dans l’espace des agents.',
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  alerts: (f) =>
    processing('Alertes par courriel', {
      purpose:
        'vous envoyer par courriel les alertes demandées (pannes, rétablissements, incidents et maintenances des services choisis), et empêcher qu’on abonne quelqu’un à son insu.',
      basis: 'votre consentement (article 6, paragraphe 1, point a, du RGPD), donné en confirmant votre abonnement.',
      data: 'votre adresse électronique, la langue et les services choisis, la date de votre consentement (la confirmation)\u00a0; la trace de chaque message envoyé (date et résultat de l’envoi)\u00a0; pour limiter les abus, une empreinte de l’adresse saisie et une empreinte de l’adresse IP de chaque demande. Ces empreintes sont des données pseudonymisées\u00a0: l’adresse elle-même n’y figure pas. Les adresses n’apparaissent jamais dans les journaux techniques.',
      retention: `une demande non confirmée est effacée après ${f.retention.unconfirmedHours}\u00a0h\u00a0; l’abonnement est gardé jusqu’à votre désabonnement, qui efface immédiatement votre adresse et vos choix\u00a0; la trace des messages envoyés est gardée ${f.retention.messageDays}\u00a0jours et les empreintes ${f.retention.fingerprintHours}\u00a0h\u00a0; le lien de gestion de chaque message reste valable ${f.retention.manageLinkDays}\u00a0jours.`,
      recipients: 'les agents habilités de l’éditeur. Ces données servent uniquement à vous envoyer les alertes demandées.',
      processors: processors(f, true),
      rights:
        'accès, rectification, effacement, limitation et portabilité (articles 15 à 18 et 20 du RGPD). Vous pouvez retirer votre consentement à tout moment en vous désabonnant (lien dans chaque message)\u00a0; ce retrait ne remet pas en cause les envois déjà faits.',
    }),
};

function transfers(fact: Prose | 'none' | undefined): Paragraph {
  if (fact === undefined) return absent;
  return fact === 'none' ? 'Aucune donnée personnelle n’est transférée hors de l’Union européenne.' : proseIn(fact, 'fr');
}

export const frLegal = {
  legal: {
    title: 'Mentions légales',
    body: (f: InfoFacts): Section[] => {
      const p = f.operator.publisher ?? {};
      const h = f.operator.host ?? {};
      return [
        {
          heading: 'Éditeur',
          paragraphs: [`Ce site (${f.site}) est édité par\u00a0:`],
          list: [
            fact('Nom', given(p.name, missing)),
            fact('Forme juridique', given(p.legalForm, missing)),
            fact('Adresse', given(p.address, missing)),
            fact('Téléphone', given(p.phone, missing)),
            fact('Adresse électronique', p.email ? mailto(p.email) : absent),
            fact('Numéro SIREN', given(p.siren, missing)),
          ],
        },
        {
          heading: 'Direction de la publication',
          paragraphs: [],
          list: [
            fact('Directeur ou directrice de la publication', given(f.operator.director?.name, missing)),
            fact('Fonction', given(f.operator.director?.role, missing)),
          ],
        },
        {
          heading: 'Hébergement',
          paragraphs: [],
          list: [
            fact('Hébergeur', given(h.name, missing)),
            fact('Adresse', given(h.address, missing)),
            fact('Téléphone', given(h.phone, missing)),
          ],
        },
        {
          heading: 'Nature des informations',
          paragraphs: [
            'L’état affiché est celui que nos sondes observent depuis leur point de mesure. Un service peut fonctionner pour vous alors que nous le voyons en panne, ou l’inverse. Ce site ne remplace pas les informations publiées par chaque organisme public.',
            ...(f.operator.independent === false
              ? []
              : [
                  'Les noms des services appartiennent aux organismes qui les gèrent\u00a0; leur présence ici ne signifie pas que ces organismes ont approuvé ce site.',
                ]),
          ],
        },
        {
          heading: 'Réutilisation des contenus',
          paragraphs: [
            [
              'Sauf mention contraire, les contenus de ce site (avis, états des services, données ouvertes) sont proposés sous ',
              {
                text: LICENCE_NAMES[f.operator.contentLicence ?? DEFAULT_CONTENT_LICENCE],
                href: CONTENT_LICENCES[f.operator.contentLicence ?? DEFAULT_CONTENT_LICENCE],
              },
              '. Vous pouvez les reprendre en citant leur source (Vigie et la date de mise à jour).',
            ],
          ],
        },
        {
          heading: 'Données personnelles et accessibilité',
          paragraphs: [],
          list: [
            [{ text: 'Données personnelles', href: f.paths.privacy }],
            [{ text: 'Déclaration d’accessibilité', href: f.paths.accessibility }],
          ],
        },
        {
          heading: 'Logiciel',
          paragraphs: ['Ce site utilise Vigie, logiciel libre distribué sous licence publique de l’Union européenne (EUPL 1.2).'],
        },
      ];
    },
  },
  privacy: {
    title: 'Données personnelles',
    processings: PROCESSINGS,
    before: (f: InfoFacts): Section[] => {
      const dpo = f.operator.dataProtection?.dpo ?? {};
      const dpoWays: Paragraph[] = [
        ...(dpo.email ? [fact('Adresse électronique', mailto(dpo.email))] : []),
        ...(dpo.formUrl ? [[{ text: 'Formulaire de contact', href: dpo.formUrl }]] : []),
        ...(dpo.address ? [fact('Adresse postale', dpo.address)] : []),
      ];
      return [
        {
          heading: 'Aucun suivi des visiteurs',
          paragraphs: [
            'Les pages publiques ne déposent aucun cookie, n’utilisent aucun outil de mesure d’audience ni aucun traceur, et ne chargent aucune ressource d’un autre site (polices, scripts, images). C’est pourquoi ce site ne vous demande pas votre consentement\u00a0: il n’y a rien à accepter ni à refuser.',
            'Les vérifications faites par nos sondes portent sur des sites publics et ne concernent aucune donnée personnelle.',
          ],
        },
        {
          heading: 'Responsable du traitement',
          paragraphs: [
            ['Responsable du traitement\u00a0: ', given(f.operator.dataProtection?.controller, missing), '.'],
            [
              'Les données sont hébergées par ',
              given(f.operator.host?.name, missing),
              ', localisation des serveurs\u00a0: ',
              given(f.operator.host?.dataLocation, missing),
              '.',
            ],
            'Délégué ou déléguée à la protection des données\u00a0:',
          ],
          list: dpoWays.length > 0 ? dpoWays : [[absent]],
        },
        {
          heading: 'Cookie',
          paragraphs: [
            `Un seul cookie existe, et seulement pour les agents qui se connectent à l’espace de publication\u00a0: ${f.retention.sessionCookie}. Il garde la session ouverte et ne contient qu’un identifiant aléatoire. Strictement nécessaire au service demandé, il n’exige pas de consentement. Il est effacé à la fermeture du navigateur ou à la déconnexion\u00a0; la session qu’il désigne prend fin après ${f.retention.sessionIdleMinutes}\u00a0min d’inactivité et au plus tard ${f.retention.sessionMaxHours}\u00a0h après la connexion.`,
          ],
        },
      ];
    },
    processingsHeading: 'Traitements de données personnelles',
    after: (f: InfoFacts): Section[] => [
      {
        heading: 'Transferts hors de l’Union européenne',
        paragraphs: [transfers(f.operator.dataProtection?.transfersOutsideEu)],
      },
      {
        heading: 'Vos droits',
        paragraphs: [
          'Les droits qui s’appliquent à chaque traitement sont indiqués ci-dessus. Pour les exercer, écrivez au délégué ou à la déléguée à la protection des données (coordonnées ci-dessus).',
          [
            'Si, après cette démarche, vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la ',
            { text: 'Commission nationale de l’informatique et des libertés (CNIL)', href: CNIL_COMPLAINTS },
            '.',
          ],
          ['Voir aussi les ', { text: 'mentions légales', href: f.paths.legal }, '.'],
        ],
      },
    ],
  },
};
