import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_WEIGHT } from '../../../src/domain/vocabulary.ts';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import { readComponent } from '../../../src/probe/check/statuspage-check.ts';
import { hang, hugeBody, startFakeGov, status, type FakeGov } from '../../fake-gov/index.ts';
import { fakeService } from './fake-service.ts';

const page = (status: string) =>
  JSON.stringify({ page: { id: 'x' }, components: [{ id: 'abc123', name: 'FranceConnect', status, group: false }] });

describe('reading a component from a Statuspage v2 summary', () => {
  it.each([
    ['operational', 'ok', 'success'],
    ['degraded_performance', 'upstream_degraded', 'slow'],
    ['partial_outage', 'upstream_degraded', 'slow'],
    ['major_outage', 'upstream_down', 'failure'],
    ['under_maintenance', 'upstream_maintenance', 'inconclusive'],
    ['on_fire', 'upstream_unreadable', 'inconclusive'],
  ] as const)('%s → %s (%s)', (status, outcome, weight) => {
    const read = readComponent(page(status), 'abc123');
    expect(read.outcome).toBe(outcome);
    expect(OUTCOME_WEIGHT[read.outcome]).toBe(weight);
  });

  it('finds the component by id, or by name whatever the case', () => {
    expect(readComponent(page('major_outage'), 'franceconnect').outcome).toBe('upstream_down');
    expect(readComponent(page('major_outage'), 'FranceConnect').detail).toBe('FranceConnect: major_outage');
  });

  it.each([
    ['<html>', 'the status page did not answer JSON'],
    ['{"status":{}}', 'no Statuspage v2 "components" list'],
    [page('operational'), 'no component "ameli" on the status page'],
  ])('a page it cannot use teaches nothing: %s', (text, detail) => {
    const read = readComponent(text, 'ameli');
    expect(read.outcome).toBe('upstream_unreadable');
    expect(read.detail).toContain(detail);
  });
});

describe('fetching a status page through the checker', () => {
  let gov: FakeGov;
  beforeAll(async () => {
    gov = await startFakeGov({ tls: false });
  });
  afterAll(() => gov.stop());
  const upstreamOf = (url: string, allowPrivateNetwork: boolean) =>
    fakeService('fc', 'https://franceconnect.gouv.fr/', { allowPrivateNetwork, check: { kind: 'statuspage', url, component: 'x' } });

  it('goes through the same address guard as a check: a loopback page is refused unless allowed, and never contacted', async () => {
    const check = createChecker({ userAgent: 'test' });
    const refused = await check(upstreamOf(gov.url('page'), false), { location: 'test' });
    expect(refused.outcome).toBe('upstream_unreadable');
    expect(refused.detail).toContain('loopback');
    expect(gov.hits('page')).toBe(0);
  });

  it('an error page, a huge page or a page that hangs past the deadline is unreadable, not an outage', async () => {
    const check = createChecker({ userAgent: 'test', maxBodyBytes: 64 * 1024 });
    gov.set('broken', status(503));
    gov.set('huge', hugeBody());
    gov.set('stuck', hang());
    for (const [name, detail] of [
      ['broken', 'HTTP 503'],
      ['huge', 'larger than the body limit'],
      ['stuck', 'timeout'],
    ] as const) {
      const read = await check({ ...upstreamOf(gov.url(name), true), timeout: 1 }, { location: 'test' });
      expect(read.outcome, name).toBe('upstream_unreadable');
      expect(read.detail, name).toContain(detail);
    }
  });
});
