import { describe, expect, it } from 'vitest';
import { CHECK_OUTCOMES } from '../../src/domain/vocabulary.ts';
import { outageOpenedNotice, outageResolvedNotice } from '../../src/incidents/outage-notice.ts';
import { typographyProblems } from '../i18n/typography.ts';

const NB = '\u00a0';
const MIN = 60_000;
const named = (name: string) => ({ fr: name, en: name });
// A masculine, a feminine and a plural name: sentences must read right with each.
const NAMES = [named('Sénat'), named('Assemblée nationale'), named('Mes Services Étudiant')];

describe('outage notices', () => {
  it('names the service in each language and says what does not work', () => {
    const notice = outageOpenedNotice(named('impots.gouv.fr'), 'http_5xx');
    expect(notice.title).toEqual({ fr: `impots.gouv.fr${NB}: le site affiche une erreur`, en: 'impots.gouv.fr: the site shows an error' });
    expect(notice.body.fr).toContain('Le site impots.gouv.fr répond par une page d’erreur');
    expect(notice.body.en).toContain('impots.gouv.fr answers with an error page');
  });

  it.each(['timeout', 'keyword_missing', 'tls_expired', 'network_error'] as const)(
    'never guesses a cause nor promises a time (%s)',
    (outcome) => {
      const { title, body } = outageOpenedNotice(named('Urssaf'), outcome);
      const text = `${title.fr} ${title.en} ${body.fr} ${body.en}`;
      expect(text).not.toMatch(/attaque|attack|DDoS|cause|because|parce que|minutes?\b|heures?\b|hours?\b|oops|oups/i);
      expect(title.fr).toMatch(/^Urssaf\u00a0: /);
      expect(title.en).toMatch(/^Urssaf: /);
    },
  );

  it('tells unreachable from a browser warning', () => {
    expect(outageOpenedNotice(named('Urssaf'), 'refused').title.en).toBe('Urssaf: site unreachable');
    expect(outageOpenedNotice(named('Urssaf'), 'tls_hostname').title.fr).toBe(`Urssaf${NB}: alerte de sécurité du navigateur`);
  });

  it('resolves with the duration written as pages write it', () => {
    expect(outageResolvedNotice(named('Urssaf'), 72 * MIN)).toEqual({
      fr: `Service rétabli après 1${NB}h 12${NB}min. Le site Urssaf répond de nouveau normalement.`,
      en: `Restored after 1${NB}h 12${NB}min. Urssaf is responding normally again.`,
    });
    expect(outageResolvedNotice(named('Urssaf'), (51 * 60 + 5) * MIN).en).toBe(
      `Restored after 2${NB}days 3${NB}hours. Urssaf is responding normally again.`,
    );
    expect(outageResolvedNotice(named('Urssaf'), (51 * 60 + 5) * MIN).fr).toMatch(/^Service rétabli après 2\u00a0j 3\u00a0h\. /);
  });

  describe.each(NAMES)('with the name $fr', (name) => {
    it.each(CHECK_OUTCOMES.filter((o) => o !== 'ok' && o !== 'slow'))('reads right when opened (%s)', (outcome) => {
      const { title, body } = outageOpenedNotice(name, outcome);
      expect(body.fr).toMatch(new RegExp(`(^Le site|du site) ${name.fr}[ \u00a0]`));
      expect(body.fr).not.toMatch(new RegExp(`(^|\\. )${name.fr} `));
      expect([...typographyProblems(title.fr), ...typographyProblems(body.fr)]).toEqual([]);
    });

    it('reads right when resolved, whatever its gender', () => {
      const { fr } = outageResolvedNotice(name, 3 * MIN);
      expect(fr).toBe(`Service rétabli après 3${NB}min. Le site ${name.fr} répond de nouveau normalement.`);
      expect(fr).not.toMatch(/Rétablie|Rétablis/);
      expect(typographyProblems(fr)).toEqual([]);
    });
  });
});

describe('outage notices of checks beyond one GET', () => {
  it('says a background task stopped for a missed heartbeat, and that the answer is wrong for a broken API', () => {
    const beat = outageOpenedNotice({ fr: 'Paiements', en: 'Payments' }, 'heartbeat_missed');
    expect(beat.title).toEqual({
      fr: 'Paiements\u00a0: un traitement semble arrêté',
      en: 'Payments: a background task seems to have stopped',
    });
    expect(beat.body.fr).toContain('Le site Paiements ne signale plus qu’il fonctionne');
    expect(outageOpenedNotice({ fr: 'API Adresse', en: 'API Adresse' }, 'json_mismatch').title.en).toBe(
      'API Adresse: the site does not display normally',
    );
  });
});
