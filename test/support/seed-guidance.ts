import { SHIPPED_CATALOGUE } from './seed-crisis.ts';

/**
 * The shipped catalogue with the facts the crisis tests of alternatives need: a tax deadline two
 * days after a Thursday at 10 h Paris, a far one, the tax office's news page, a publisher, and a
 * phone line for the worst-hit service.
 */
export const THURSDAY_10H = new Date('2026-12-03T09:00:00Z');

export function catalogueWithFacts(): object {
  const catalogue = structuredClone(SHIPPED_CATALOGUE) as unknown as {
    services: { id: string; deadlines?: unknown[]; officialChannels?: unknown[] }[];
    operator?: unknown;
  };
  const impots = catalogue.services.find((s) => s.id === 'impots');
  if (!impots) throw new Error('impots is no longer in the shipped catalogue');
  impots.deadlines = [
    {
      id: 'declaration-zone-1',
      name: { fr: 'déclaration de revenus, zone 1', en: 'income tax return, zone 1' },
      at: '2026-12-05T23:59:00+01:00',
      url: 'https://www.impots.gouv.fr/calendrier',
    },
    { id: 'later', name: { fr: 'plus tard', en: 'later' }, at: '2027-01-20T23:59:00+01:00' },
  ];
  impots.officialChannels = [{ label: { fr: 'Actualités des impôts', en: 'Tax news' }, url: 'https://www.impots.gouv.fr/actualites' }];
  catalogue.operator = { publisher: { name: 'Direction de l’exemple numérique' } };
  // The worst-hit service, first in the banner, with a line of its own (a test fact, not a checked number).
  const ants = catalogue.services.find((s) => s.id === 'ants') as { alternatives?: unknown[] } | undefined;
  if (!ants) throw new Error('ants is no longer in the shipped catalogue');
  const office = ['08:00-20:00'];
  ants.alternatives = [
    {
      kind: 'phone',
      label: { fr: 'Ligne de test', en: 'Test line' },
      number: '34 00',
      hours: { weekly: { mon: office, tue: office, wed: office, thu: office, fri: office } },
    },
  ];
  return catalogue;
}

/** Runs the site processes this test file starts on a clock that reads `at` now, and gives back the previous setting. */
export function startClocksAt(at: Date): () => void {
  const previous = process.env.VIGIE_TEST_CLOCK_OFFSET_MS;
  process.env.VIGIE_TEST_CLOCK_OFFSET_MS = String(at.getTime() - Date.now());
  return () => {
    if (previous === undefined) delete process.env.VIGIE_TEST_CLOCK_OFFSET_MS;
    else process.env.VIGIE_TEST_CLOCK_OFFSET_MS = previous;
  };
}
