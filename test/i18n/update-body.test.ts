import { describe, expect, it } from 'vitest';
import { updateBody } from '../../src/i18n/update-body.ts';

/** An update Vigie made for a catalogue edit is told in the dictionaries' words, in both languages; any other says what was written. */
describe('update body', () => {
  it.each([
    ['service_removed', 'Ce service n’est plus suivi.', 'This service is no longer monitored.'],
    ['service_renamed', 'Ce service est désormais suivi sous un autre nom\u00a0:', 'This service is now monitored under another name:'],
  ] as const)('%s', (reason, fr, en) => {
    const body = updateBody({ body: { fr: '', en: '' }, reason });
    expect(body.fr.startsWith(fr)).toBe(true);
    expect(body.en?.startsWith(en)).toBe(true);
  });

  it('keeps what staff or the probe wrote', () => {
    expect(updateBody({ body: { fr: 'Rétabli.', en: null }, reason: null })).toEqual({ fr: 'Rétabli.', en: null });
  });
});
