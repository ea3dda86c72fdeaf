import type { ProbeFacts, Section } from './fr.ts';

/** French text of the information pages (accessibility statement, legal notice, personal data, probes). */
export const frInfo = {
  accessibility: {
    title: "Déclaration d'accessibilité",
    body: (site: string, date: string): Section[] => [
      {
        heading: 'Engagement',
        paragraphs: [
          `L'exploitant de ce site (${site}) s'engage à le rendre accessible conformément à l'article 47 de la loi n°\u00a02005-102 du 11 février 2005.`,
          "Cette déclaration s'applique aux pages publiques du site. Les pages réservées à l'équipe qui publie les incidents en sont exclues.",
        ],
      },
      {
        heading: 'État de conformité',
        paragraphs: [
          "Ce site est partiellement conforme au référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, qui reprend le niveau AA des WCAG 2.1.",
          "Il n'a pas encore fait l'objet d'un audit complet par un organisme indépendant\u00a0: tant que cet audit n'a pas eu lieu, nous ne pouvons pas le déclarer totalement conforme.",
        ],
      },
      {
        heading: 'Ce qui a été vérifié',
        paragraphs: [
          "Chaque type de page est testé automatiquement en français et en anglais, avec et sans JavaScript, à l'aide de l'outil axe-core. Les pages ont une structure de titres, des zones de navigation, un lien d'évitement, un focus visible et un contraste d'au moins 4,5\u00a0pour\u00a01, y compris en mode sombre.",
          "L'état d'un service est toujours donné par un mot, jamais par la seule couleur. Les graphiques de temps de réponse ont un tableau équivalent, et chaque jour de l'historique de disponibilité a une description textuelle accessible au clavier.",
        ],
      },
      {
        heading: 'Contenus non accessibles',
        paragraphs: [
          "Les textes d'incident sont rédigés par l'équipe d'exploitation. Leur traduction anglaise peut arriver après le texte français\u00a0; le texte français est alors affiché et signalé comme tel.",
        ],
      },
      {
        heading: 'Établissement de cette déclaration',
        paragraphs: [
          `Cette déclaration a été établie le ${date}. Technologies utilisées\u00a0: HTML, CSS, SVG\u00a0; JavaScript facultatif (rafraîchissement automatique).`,
        ],
      },
      {
        heading: 'Retour d’information et contact',
        paragraphs: [
          "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'exploitant du site (ses coordonnées figurent dans les mentions légales) pour être orienté vers une alternative accessible.",
        ],
      },
      {
        heading: 'Voies de recours',
        paragraphs: [
          "Si vous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur des droits, contacter son délégué dans votre région, ou lui écrire gratuitement par courrier\u00a0: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
        ],
        links: [{ label: 'Défenseur des droits', href: 'https://www.defenseurdesdroits.fr/' }],
      },
    ],
  },
  legal: {
    title: 'Mentions légales',
    body: (site: string): Section[] => [
      {
        heading: 'Éditeur',
        paragraphs: [
          `Ce site (${site}) est une instance de Vigie, un logiciel libre qui surveille la disponibilité de services publics en ligne. L'organisation qui exploite cette instance en est l'éditeur et le directeur de la publication.`,
        ],
      },
      {
        heading: 'Nature des informations',
        paragraphs: [
          "L'état affiché est celui que nos sondes observent depuis leur point de mesure. Un service peut fonctionner pour vous alors que nous le voyons en panne, ou l'inverse. Ce site ne remplace pas les informations publiées par chaque administration.",
          "Les noms des services appartiennent à leurs administrations\u00a0; leur présence ici ne signifie pas qu'elles ont approuvé ce site.",
        ],
      },
      {
        heading: 'Logiciel',
        paragraphs: ['Vigie est distribué sous licence publique de l’Union européenne (EUPL 1.2).'],
      },
    ],
  },
  privacy: {
    title: 'Données personnelles',
    body: (): Section[] => [
      {
        heading: 'Aucun suivi des visiteurs',
        paragraphs: [
          "Ce site ne dépose aucun cookie sur votre appareil, n'utilise aucun outil de mesure d'audience ni aucun traceur, et ne charge aucune ressource d'un autre site (polices, scripts, images).",
          "C'est pourquoi il ne vous demande pas votre consentement\u00a0: il n'y a rien à accepter ni à refuser.",
        ],
      },
      {
        heading: 'Journaux techniques',
        paragraphs: [
          "Comme tout serveur web, celui qui héberge ce site peut conserver un journal technique des requêtes (adresse IP, page demandée, date) pour sa sécurité. Ces journaux ne servent pas à suivre les visiteurs.",
        ],
      },
      {
        heading: "Équipe d'exploitation",
        paragraphs: [
          "Les personnes qui publient les incidents se connectent avec un compte personnel. Leur adresse électronique et leurs actions sont conservées dans un journal d'audit, pour savoir qui a publié quoi.",
        ],
      },
    ],
  },
  probes: {
    title: 'Nos sondes',
    body: (f: ProbeFacts): Section[] => [
      {
        heading: 'Ce qui est vérifié',
        paragraphs: [
          "Pour chaque service, une sonde demande la page publique indiquée ci-dessous, comme le ferait un navigateur, et vérifie que le site répond avec un code attendu, dans un délai raisonnable, et parfois qu'un texte attendu figure dans la page. Elle ne se connecte à aucun compte et n'envoie aucun formulaire.",
          `Un service n'est déclaré en panne qu'après ${f.failuresBeforeDown} échecs consécutifs, et rétabli qu'après ${f.successesBeforeUp} succès consécutifs. Les erreurs de résolution de noms et les pages anti-robots ne suffisent pas à déclarer une panne.`,
        ],
      },
      {
        heading: 'À quelle fréquence',
        paragraphs: [
          `Chaque service est vérifié toutes les ${f.minInterval === f.maxInterval ? f.minInterval : `${f.minInterval} à ${f.maxInterval}`}, jamais plus de ${f.perHost}\u00a0requêtes à la fois vers un même site.`,
        ],
      },
      {
        heading: "D'où",
        paragraphs: [
          `Point de mesure\u00a0: ${f.location}. Avant de déclarer une panne, la sonde vérifie aussi des sites témoins\u00a0: si eux aussi échouent, elle suspecte son propre réseau et l'indique au lieu d'annoncer une panne générale.`,
        ],
      },
      {
        heading: 'Identifier nos requêtes',
        paragraphs: [
          "Nos requêtes s'annoncent avec l'en-tête User-Agent suivant, que les administrations peuvent autoriser dans leurs protections anti-robots\u00a0:",
        ],
        code: f.userAgent,
      },
    ],
    servicesTitle: 'Services vérifiés',
    colService: 'Service',
    colAddress: 'Adresse vérifiée',
    colInterval: 'Fréquence',
  },
};
