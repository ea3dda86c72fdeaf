import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { eventually } from '../notify/support/processes.ts';
import { startSmtpSink } from '../notify/support/smtp-sink.ts';
import { addManySubscribers, massOutage } from '../notify/support/subscribers.ts';
import { startWaveSender, writeWaveCatalogue } from '../notify/support/wave-sender.ts';

/**
 * Part of `npm run bench:notify`: the sender killed with SIGKILL at a random instant of a wave, then
 * replaced. Prints, per kill, how many messages the SMTP server got a second time (the ones it had
 * accepted while the sender had not yet recorded it, resent with the same Message-ID), and checks
 * that no subscriber was missed or got two different messages.
 */
export async function senderKills(trials: number, subscribers: number): Promise<string[]> {
  const lines: string[] = [];
  for (let trial = 1; trial <= trials; trial++) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sender-kill-'));
    const store = await openStore(join(dir, 'vigie.db'));
    writeWaveCatalogue(dir);
    const sink = await startSmtpSink();
    await addManySubscribers(store, subscribers);
    await massOutage(store);
    const sender = () => startWaveSender(dir, sink.url);

    const first = await sender();
    // Somewhere in the wave, at an instant neither the server nor the sender chose.
    const after = Math.floor(subscribers * (0.1 + 0.7 * Math.random()));
    await eventually('the wave to be under way', () => sink.received.length >= after, 120_000);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    first.child.kill('SIGKILL');
    await first.exited;
    const accepted = sink.received.length;
    const second = await sender();
    await eventually('every subscriber to be told', () => new Set(sink.received.map((m) => m.to)).size === subscribers, 300_000);
    await eventually('the backlog to drain', async () => (await store.subscriptions.deliveryStats()).backlog === 0);
    const ids = new Map<string, Set<string>>();
    for (const m of sink.received) ids.set(m.to, (ids.get(m.to) ?? new Set()).add(m.messageId));
    const twoMessages = [...ids.values()].filter((set) => set.size !== 1).length;
    lines.push(
      `kill ${trial}: after ${accepted} accepted, ${sink.received.length - subscribers} handed over again (same Message-ID); ` +
        `${subscribers - ids.size} missed, ${twoMessages} with two different messages`,
    );
    await second.stop();
    void sink.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
