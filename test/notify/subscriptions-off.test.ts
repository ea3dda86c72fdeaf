import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { seedStory, type SeededStory } from '../support/seed-site.ts';

/** Without VIGIE_SMTP_URL and VIGIE_MAIL_FROM there are no subscriptions, and no page says a word about them. */
describe('subscriptions off', () => {
  let seeded: SeededStory;
  let site: RunningSite;
  beforeAll(async () => {
    seeded = await seedStory();
    site = await startSite(seeded.env);
  }, 120_000);
  afterAll(async () => {
    await site?.stop();
    await seeded?.store.close();
    await seeded?.cleanup();
  });

  it.each([
    ['/fr/', /abonn/i],
    ['/en/', /subscri/i],
    ['/fr/services/impots', /abonn|prévenu par courriel/i],
    ['/en/services/impots', /subscri|get an email/i],
    ['/fr/donnees-personnelles', /alertes par courriel/i],
    ['/en/personal-data', /email alerts/i],
  ])('%s says nothing of them', async (path, words) => {
    const response = await fetch(`${site.url}${path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toMatch(words);
  });

  it('has no subscription pages or endpoint', async () => {
    for (const path of ['/fr/abonnement', '/en/subscribe', '/en/subscribe/manage?t=x'])
      expect((await fetch(`${site.url}${path}`)).status).toBe(404);
    expect((await fetch(`${site.url}/unsubscribe?t=x`, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(404);
  });
});
