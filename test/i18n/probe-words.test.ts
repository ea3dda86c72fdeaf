import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/incident-records.ts';
import { CHECK_KINDS, CHECK_OUTCOMES, OUTCOME_WEIGHT } from '../../src/domain/vocabulary.ts';
import { outageText, outageTitle, recoveryText, withShownWords } from '../../src/i18n/probe-words.ts';
import { incident, update } from '../status/fixtures.ts';
import { outageSeen } from '../support/records.ts';

const NB = '\u00a0';
const SENAT = { fr: 'Sénat', en: 'Sénat' };

describe('the words of automatic incidents, from what the probes saw', () => {
  it('words the review’s model sentence for an error page, naming the domain, never « Le site + name »', () => {
    const seen = outageSeen('senat.fr');
    expect(outageText(seen).fr).toBe(
      `Nos sondes n’arrivent pas à ouvrir senat.fr${NB}: le site affiche une page d’erreur. Vous risquez de rencontrer le même problème. ` +
        'Cette page sera mise à jour dès que nos sondes verront senat.fr fonctionner de nouveau.',
    );
    expect(outageText(seen).en).toBe(
      'Our probes cannot open senat.fr: the site shows an error page. You may meet the same problem. ' +
        'This page will be updated as soon as our probes see senat.fr working again.',
    );
    expect(outageTitle(seen, SENAT)).toEqual({ fr: `Sénat${NB}: le site affiche une erreur`, en: 'Sénat: the site shows an error' });
  });

  // Every outcome of every kind of check, even those that never open an outage alone: each gets words.
  const cases = CHECK_KINDS.flatMap((checkKind) => CHECK_OUTCOMES.map((outcome) => ({ checkKind, outcome })));
  it.each(cases)('$checkKind check, $outcome: what was seen, the domain, nothing it cannot know', ({ checkKind, outcome }) => {
    const step = checkKind === 'journey' ? { number: 2, name: { fr: 'Connexion', en: 'Sign-in' } } : null;
    const seen = outageSeen('senat.fr', { checkKind, outcome, step });
    const text = outageText(seen);
    const title = outageTitle(seen, SENAT);
    for (const words of [text.fr, text.en]) {
      expect(words).toContain('senat.fr');
      expect(words).not.toMatch(/Le site Sénat|démarche|procedure|pour les usagers|for users|undefined|null/);
    }
    // A service read from its own status page: what that page says, never claimed as the probes' own finding.
    expect(text.fr).toMatch(/^Nos sondes|^Sur senat\.fr, nos sondes|^La page d’état de senat\.fr signale elle-même/);
    expect(text.en).toMatch(/^Our probes|^On senat\.fr, our probes|^The status page of senat\.fr itself reports/);
    expect(title.fr).toMatch(new RegExp(`^Sénat${NB}: \\S`));
    expect(title.en).toMatch(/^Sénat: \S/);
    if (
      checkKind === 'journey' &&
      OUTCOME_WEIGHT[outcome] === 'failure' &&
      outcome !== 'heartbeat_missed' &&
      !outcome.startsWith('upstream_')
    ) {
      expect(text.fr).toContain(`l’étape «${NB}Connexion${NB}»`);
      expect(text.en).toContain('the step “Sign-in”');
    }
  });

  it('says where it was seen, when the catalogue lists locations, and words a recovery with its duration', () => {
    const seen = outageSeen('caf.fr', {
      locations: [
        { fr: 'Paris', en: 'Paris' },
        { fr: 'Montréal', en: 'Montreal' },
      ],
    });
    expect(outageText(seen).fr).toContain(`Points de mesure qui le constatent${NB}: Paris et Montréal.`);
    expect(outageText(seen).en).toContain('Measuring points that see it: Paris and Montreal.');
    expect(recoveryText('caf.fr', 4320)).toEqual({
      fr: `Rétabli après 1${NB}h 12${NB}min${NB}: nos sondes voient de nouveau caf.fr fonctionner normalement.`,
      en: `Restored after 1${NB}h 12${NB}min: our probes see caf.fr working normally again.`,
    });
  });

  it('renders an incident’s stored facts into its title and timeline, keeps staff and old stored words', () => {
    const start = new Date('2026-03-10T10:00:00Z');
    const probe = (id: string, observed: Incident['updates'][number]['observed'], minutes: number) => ({
      ...update(id, 'auto', minutes === 0 ? 'investigating' : 'resolved', new Date(start.getTime() + minutes * 60_000), { fr: '', en: '' }),
      author: 'probe',
      observed,
    });
    const auto = incident('auto', {
      kind: 'auto',
      serviceId: 'senat',
      title: { fr: '', en: '' },
      startedAt: start,
      updates: [probe('u1', { type: 'outage', ...outageSeen('senat.fr') }, 0), probe('u2', { type: 'recovery', domain: 'senat.fr' }, 7)],
    });
    const shown = withShownWords(auto, SENAT);
    expect(shown.title.fr).toBe(`Sénat${NB}: le site affiche une erreur`);
    expect(shown.updates.map((u) => u.body.en)).toEqual([
      outageText(outageSeen('senat.fr')).en,
      `Restored after 7${NB}min: our probes see senat.fr working normally again.`,
    ]);
    const takenOver = withShownWords({ ...auto, takenOverBy: 'agent@example.fr', title: { fr: 'Sénat en panne', en: null } }, SENAT);
    expect(takenOver.title).toEqual({ fr: 'Sénat en panne', en: null });
    const old = incident('old', { kind: 'auto', serviceId: 'senat', title: { fr: 'Ancien titre', en: 'Old title' } });
    expect(withShownWords(old, SENAT)).toEqual(old);
  });
});
