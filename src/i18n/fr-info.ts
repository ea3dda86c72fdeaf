import { frAccessibility } from './fr-accessibility.ts';
import { frLegal } from './fr-legal.ts';
import type { ProbeFacts, Section } from './info-types.ts';
import { formatList } from './format.ts';
import { countOf } from './plural.ts';

const NOT_REPORTED_FR = 'Ces informations s’afficheront dès qu’une sonde aura commencé ses vérifications.';

const aliveFr = (n: number) =>
  n === 0 ? 'aucune sonde en service en ce moment' : countOf('fr', n, { one: 'sonde en service', other: 'sondes en service' });

/**
 * « Points de mesure : Paris (2 sondes en service) et Lyon (aucune sonde en service en ce moment). »
 * Without catalogue locations the probe’s own id (« local ») is no name for citizens: none is given.
 */
function placesFr(places: { name: string | null; processes: number }[]): string {
  if (places.every((p) => p.name === null)) {
    const alive = aliveFr(places.reduce((sum, p) => sum + p.processes, 0));
    return places.length === 1 ? `Un seul point de mesure (${alive}).` : `${places.length}\u00a0points de mesure (${alive}).`;
  }
  return `Points de mesure\u00a0: ${formatList(
    places.map((p) => `${p.name ?? '—'} (${aliveFr(p.processes)})`),
    'fr',
  )}.`;
}

/** French text of the information pages (accessibility statement, legal notice, personal data, probes). */
export const frInfo = {
  accessibility: frAccessibility,
  legal: frLegal.legal,
  privacy: frLegal.privacy,
  probes: {
    title: 'Nos sondes',
    body: (f: ProbeFacts): Section[] => [
      {
        heading: 'Ce qui est vérifié',
        paragraphs: [
          'Pour chaque service, une sonde demande la page publique indiquée ci-dessous, comme le ferait un navigateur, et vérifie que le site répond avec un code attendu, dans un délai raisonnable, et parfois qu’un texte attendu figure dans la page. Elle ne se connecte à aucun compte et n’envoie aucun formulaire.',
          `Un service n’est déclaré en panne qu’après ${countOf('fr', f.failuresBeforeDown, { one: 'échec', other: 'échecs consécutifs' })}, et rétabli qu’après ${countOf('fr', f.successesBeforeUp, { one: 'succès', other: 'succès consécutifs' })}. Les erreurs temporaires de résolution de noms (serveur DNS qui ne répond pas) et les pages anti-robots ne suffisent pas à déclarer une panne\u00a0; un nom de domaine qui n’existe pas ou plus compte, lui, comme un échec.`,
        ],
      },
      {
        heading: 'À quelle fréquence',
        paragraphs: [
          `Chaque service est vérifié toutes les ${f.minInterval === f.maxInterval ? f.minInterval : `${f.minInterval} à ${f.maxInterval}`}${f.reported ? `, jamais plus de ${countOf('fr', f.reported.perHost, { one: 'requête', other: 'requêtes' })} à la fois vers un même site` : ''}.`,
        ],
      },
      {
        heading: 'D’où',
        paragraphs: [
          `${f.reported ? placesFr(f.reported.locations) : NOT_REPORTED_FR} Avant de déclarer une panne, la sonde vérifie aussi des sites témoins\u00a0: si eux aussi échouent, elle suspecte son propre réseau et l’indique au lieu d’annoncer une panne générale.`,
        ],
      },
      // Until a probe has described itself this is said once, under the previous heading.
      ...(f.reported
        ? [
            {
              heading: 'Identifier nos requêtes',
              paragraphs: [
                `Nos requêtes s’annoncent avec ${f.reported.userAgents.length > 1 ? 'l’un des en-têtes User-Agent suivants' : 'l’en-tête User-Agent suivant'}, que les organismes publics peuvent autoriser dans leurs protections anti-robots\u00a0:`,
              ],
              code: f.reported.userAgents,
            },
          ]
        : []),
    ],
    servicesTitle: 'Services vérifiés',
    colService: 'Service',
    colAddress: 'Adresse vérifiée',
    colInterval: 'Intervalle',
  },
};
