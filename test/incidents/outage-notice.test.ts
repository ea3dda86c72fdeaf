import { describe, expect, it } from 'vitest';
import { durationInWords, outageOpenedNotice, outageResolvedNotice } from '../../src/incidents/outage-notice.ts';

const NAME = { fr: 'Impôts', en: 'Tax portal' };
const MIN = 60_000;

describe('durationInWords', () => {
  it.each([
    [0, 'moins d’une minute', 'less than a minute'],
    [59_999, 'moins d’une minute', 'less than a minute'],
    [MIN, '1 min', '1 min'],
    [72 * MIN + 59_000, '1 h 12 min', '1 h 12 min'],
    [120 * MIN, '2 h', '2 h'],
    [(24 * 60 + 3 * 60 + 5) * MIN, '1 j 3 h', '1 d 3 h'],
    [2 * 24 * 60 * MIN, '2 j', '2 d'],
  ])('%d ms', (ms, fr, en) => {
    expect(durationInWords(ms)).toEqual({ fr, en });
  });
});

describe('outage notices', () => {
  it('names the service in each language and says what does not work', () => {
    const notice = outageOpenedNotice(NAME, 'http_5xx');
    expect(notice.title).toEqual({ fr: 'Impôts : le site affiche une erreur', en: 'Tax portal: the site shows an error' });
    expect(notice.body.fr).toContain('Impôts répond par une page d’erreur');
    expect(notice.body.en).toContain('Tax portal answers with an error page');
  });

  it.each(['timeout', 'keyword_missing', 'tls_expired', 'network_error'] as const)(
    'never guesses a cause nor promises a time (%s)',
    (outcome) => {
      const { title, body } = outageOpenedNotice(NAME, outcome);
      const text = `${title.fr} ${title.en} ${body.fr} ${body.en}`;
      expect(text).not.toMatch(/attaque|attack|DDoS|cause|because|parce que|minutes?\b|heures?\b|hours?\b|oops|oups/i);
      expect(title.fr).toMatch(/^Impôts : /);
      expect(title.en).toMatch(/^Tax portal: /);
    },
  );

  it('tells unreachable from a browser warning', () => {
    expect(outageOpenedNotice(NAME, 'refused').title.en).toBe('Tax portal: site unreachable');
    expect(outageOpenedNotice(NAME, 'tls_hostname').title.fr).toBe('Impôts : alerte de sécurité du navigateur');
  });

  it('resolves with the duration', () => {
    expect(outageResolvedNotice(NAME, 72 * MIN)).toEqual({
      fr: 'Rétabli après 1 h 12 min. Impôts répond de nouveau normalement.',
      en: 'Restored after 1 h 12 min. Tax portal is responding normally again.',
    });
  });
});
