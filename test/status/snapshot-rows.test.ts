import { afterEach, describe, expect, it } from 'vitest';
import { createSnapshotRows } from '../../src/status/snapshot-rows.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { NOW } from './fixtures.ts';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of opened.splice(0)) await dispose();
});

describe('snapshot rows', () => {
  it('are read again when the data version moves or they grow old, and reused otherwise', async () => {
    const { store, dispose } = await tempStore();
    opened.push(dispose);
    const rows = createSnapshotRows(store, { maxAgeMs: 5_000 });
    const at = (ms: number) => new Date(NOW.getTime() + ms);

    const first = await rows.read(at(0));
    expect(first.openIncidents).toEqual([]);
    expect(await rows.read(at(4_000))).toBe(first);

    await store.createIncident({
      title: { fr: 'Lenteurs', en: 'Slowness' },
      status: 'investigating',
      affected: [],
      body: { fr: 'Texte.', en: 'Text.' },
      author: 'agent@example.gouv.fr',
      at: at(4_500),
    });
    const afterChange = await rows.read(at(4_600));
    expect(afterChange).not.toBe(first);
    expect(afterChange.openIncidents.map((i) => i.title.fr)).toEqual(['Lenteurs']);

    // A heartbeat that changes nothing public leaves the version alone: only age brings it in.
    await store.recordHeartbeat({ location: 'paris', process: 'probe-1', at: at(5_000), canariesHealthy: false, version: 'test' });
    await store.recordHeartbeat({ location: 'paris', process: 'probe-1', at: at(6_000), canariesHealthy: false, version: 'test' });
    const versionNow = (await rows.read(at(6_100))).dataVersion;
    await store.recordHeartbeat({ location: 'paris', process: 'probe-1', at: at(7_000), canariesHealthy: false, version: 'test' });
    expect((await rows.read(at(7_100))).heartbeats[0]?.at).toEqual(at(6_000));
    const aged = await rows.read(at(6_100 + 5_000));
    expect(aged.dataVersion).toBe(versionNow);
    expect(aged.heartbeats[0]?.at).toEqual(at(7_000));
  });
});
