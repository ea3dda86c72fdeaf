import { describe, expect, it } from 'vitest';
import { unavailableResponse } from '../../src/web/unavailable.ts';

/** The page served while the store stays unreachable, which can last hours: it promises no time it cannot know. */
describe('the store-unreachable page', () => {
  it.each(['/fr/', '/en/', '/api/v2/summary.json'])('at %s names the cause and promises no delay', async (path) => {
    const body = (await unavailableResponse(path, 'https://vigie.example.fr').text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(body).toMatch(/base de données de Vigie|sa base de données/);
    expect(body).toMatch(/Vigie’s database|its database/);
    for (const promise of [/vient de démarrer/, /une minute/, /momentanément/, /just started/, /in a minute/, /temporarily/]) {
      expect(body).not.toMatch(promise);
    }
  });
});
