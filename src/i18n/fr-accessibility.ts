import type { ConformityStatus } from '../legal/conformity.ts';
import { DEFENSEUR_DES_DROITS, MISSING, SITE_TECHNOLOGIES } from './info-constants.ts';
import { given, mailto, proseIn, type InfoFacts, type Inline, type Paragraph, type Section } from './info-types.ts';

/** The accessibility statement in French, following the RGAA's model statement section by section. */

const missing = MISSING.fr;
const STATUS_WORDS: Record<ConformityStatus, string> = {
  full: 'totalement conforme',
  partial: 'partiellement conforme',
  none: 'non conforme',
};

function conformity(f: InfoFacts): Paragraph[] {
  const audit = f.operator.accessibility?.audit;
  const rgaa = audit
    ? `référentiel général d’amélioration de l’accessibilité (RGAA), version\u00a0${audit.rgaaVersion}`
    : 'référentiel général d’amélioration de l’accessibilité (RGAA)';
  const claim = `${f.site} est ${STATUS_WORDS[f.conformity.status]} avec le ${rgaa}`;
  switch (f.conformity.ground) {
    case 'no_audit':
      return [
        `${claim}\u00a0: aucun audit de conformité n’a encore été réalisé.`,
        'Les tests automatiques (axe-core) menés sur chaque version du logiciel ne constituent pas une évaluation au sens du RGAA.',
      ];
    case 'audit_expired':
      return [
        `${claim}\u00a0: le dernier audit, du ${f.formatDay(audit?.date ?? '')}, a plus de trois ans. Un nouvel audit est nécessaire.`,
      ];
    case 'audit_not_yet_done':
      return [`${claim}\u00a0: l’audit indiqué est daté du ${f.formatDay(audit?.date ?? '')}, date qui n’est pas encore passée.`];
    case 'measured':
      return [f.conformity.status === 'full' ? `${claim}.` : `${claim}, en raison des non-conformités énumérées ci-dessous.`];
  }
}

function results(f: InfoFacts): Paragraph[] {
  const audit = f.operator.accessibility?.audit;
  if (!audit) {
    return [
      'Aucun audit n’a encore été réalisé\u00a0: aucun taux de conformité ne peut être publié.',
      'À titre d’information, chaque type de page est testé automatiquement en français et en anglais, avec et sans JavaScript, à l’aide de l’outil axe-core. L’état d’un service est toujours donné par un mot, jamais par la seule couleur, et les graphiques ont un tableau équivalent. Ces tests ne remplacent pas un audit.',
    ];
  }
  const rate =
    audit.averageRatePercent === undefined
      ? []
      : [`Le taux moyen de conformité du site s’élève à ${f.formatPercent(audit.averageRatePercent)}.`];
  return [
    `L’audit de conformité réalisé par ${audit.auditor} le ${f.formatDay(audit.date)} révèle que ${f.formatPercent(audit.criteriaMetPercent)} des critères du RGAA version\u00a0${audit.rgaaVersion} sont respectés.`,
    ...rate,
  ];
}

/** One of the audit's lists: its items, « Aucune. » when empty, or why it is not known. */
function auditList(f: InfoFacts, heading: string, items: Paragraph[] | undefined, none: string): Section {
  if (!f.operator.accessibility?.audit)
    return { heading, paragraphs: ['Aucun audit n’ayant été réalisé, cette liste n’est pas encore établie.'] };
  if (items === undefined) return { heading, paragraphs: [{ text: missing, missing: true }] };
  return items.length === 0 ? { heading, paragraphs: [none] } : { heading, paragraphs: [], list: items };
}

function contact(f: InfoFacts): Paragraph[] {
  const c = f.operator.accessibility?.contact ?? {};
  const ways: Paragraph[] = [];
  if (c.email) ways.push(['Envoyer un message\u00a0: ', mailto(c.email)]);
  if (c.formUrl) ways.push([{ text: 'Utiliser le formulaire de contact', href: c.formUrl }]);
  if (!c.email && !c.formUrl) ways.push(['Adresse électronique ou formulaire de contact\u00a0: ', { text: missing, missing: true }]);
  ways.push(['Écrire par courrier\u00a0: ', given(c.address, missing)]);
  return ways;
}

export const frAccessibility = {
  title: "Déclaration d'accessibilité",
  body: (f: InfoFacts): Section[] => {
    const a = f.operator.accessibility;
    const audit = a?.audit;
    const link = (url: string | undefined, label: string): Paragraph =>
      url ? [{ text: label, href: url }] : [`${label}\u00a0: `, { text: missing, missing: true }];
    return [
      {
        paragraphs: [
          // The name comes from the operator, with or without its article: it stands alone after a colon.
          ['Éditeur de ce site\u00a0: ', given(f.operator.publisher?.name, missing), '.'],
          'L’éditeur s’engage à rendre ce site accessible conformément à l’article 47 de la loi n°\u00a02005-102 du 11 février 2005.',
          'À cette fin, il met en œuvre la stratégie et les actions suivantes\u00a0:',
        ],
        list: [
          link(a?.multiYearSchemeUrl, 'Schéma pluriannuel de mise en accessibilité'),
          link(a?.actionPlanUrl, 'Plan d’actions de l’année en cours'),
        ],
      },
      {
        paragraphs: [
          `Cette déclaration d’accessibilité s’applique à ${f.site}, y compris l’espace réservé aux agents qui publient les incidents (${f.site}/admin).`,
        ],
      },
      { heading: 'État de conformité', paragraphs: conformity(f) },
      { heading: 'Résultats des tests', paragraphs: results(f) },
      {
        heading: 'Contenus non accessibles',
        paragraphs: [],
        subsections: [
          auditList(
            f,
            'Non-conformités',
            audit?.nonConformities?.map((p) => proseIn(p, 'fr')),
            'Aucune.',
          ),
          auditList(
            f,
            'Dérogations pour charge disproportionnée',
            audit?.derogations?.map((p) => proseIn(p, 'fr')),
            'Aucune.',
          ),
          auditList(
            f,
            'Contenus non soumis à l’obligation d’accessibilité',
            audit?.outOfScope?.map((p) => proseIn(p, 'fr')),
            'Aucun.',
          ),
        ],
      },
      {
        heading: 'Établissement de cette déclaration d’accessibilité',
        paragraphs: [
          ['Cette déclaration a été établie le ', a?.statementDate ? f.formatDay(a.statementDate) : { text: missing, missing: true }, '.'],
        ],
        subsections: [
          { heading: 'Technologies utilisées pour la réalisation du site', paragraphs: [], list: SITE_TECHNOLOGIES.fr },
          auditList(
            f,
            'Environnement de test',
            audit?.testEnvironment?.map((e) => `${e.browser} et ${e.screenReader}`),
            'Aucun.',
          ),
          auditList(f, 'Outils pour évaluer l’accessibilité', audit?.tools, 'Aucun.'),
          auditList(
            f,
            'Pages du site ayant fait l’objet de la vérification de conformité',
            audit?.pagesSampled?.map((page): Inline[] => [proseIn(page.title, 'fr'), ' (', page.url, ')']),
            'Aucune.',
          ),
        ],
      },
      {
        heading: 'Retour d’information et contact',
        paragraphs: [
          'Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
        ],
        list: contact(f),
      },
      {
        heading: 'Voies de recours',
        paragraphs: [
          'Cette procédure est à utiliser dans le cas suivant\u00a0: vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un des services du site et vous n’avez pas obtenu de réponse satisfaisante.',
        ],
        list: [
          [{ text: 'Écrire un message au Défenseur des droits', href: DEFENSEUR_DES_DROITS.form }],
          [{ text: 'Contacter le délégué du Défenseur des droits dans votre région', href: DEFENSEUR_DES_DROITS.delegates }],
          `Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)\u00a0: ${DEFENSEUR_DES_DROITS.postal}`,
        ],
      },
    ];
  },
};
