import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpLanes } from '../../src/notify/smtp-lanes.ts';

const raw = 'From: vigie@example.test\r\nTo: a@example.test\r\nSubject: x\r\n\r\nhello\r\n';
let server: SMTPServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real SMTP server on loopback that says when it ends a connection (`idleMs` after its last command). */
async function start(options: { idleMs: number; refuse?: (to: string) => boolean }) {
  const got: string[] = [];
  let closed = 0;
  const closings: (() => void)[] = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    socketTimeout: options.idleMs,
    onRcptTo(address, _session, callback) {
      callback(options.refuse?.(address.address) ? Object.assign(new Error('no such user'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        got.push(session.envelope.rcptTo[0]!.address);
        callback();
      });
    },
    onClose() {
      closed += 1;
      closings.splice(0).forEach((resolve) => resolve());
    },
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, got, closed: () => closed, nextClose: () => new Promise<void>((resolve) => closings.push(resolve)) };
}

describe('SMTP connections kept open for composed messages', () => {
  it('opens a new connection when the server ended the last one', async () => {
    const sink = await start({ idleMs: 200 });
    const lanes = createSmtpLanes(sink.url, 2);
    await lanes.send({ from: 'vigie@example.test', to: ['a@example.test'] }, raw);
    await sink.nextClose();
    await lanes.send({ from: 'vigie@example.test', to: ['b@example.test'] }, raw);
    expect(sink.got).toEqual(['a@example.test', 'b@example.test']);
    lanes.close();
  });

  it('keeps the connection after a refused recipient, and says the server refused it', async () => {
    const sink = await start({ idleMs: 60_000, refuse: (to) => to.startsWith('gone') });
    const lanes = createSmtpLanes(sink.url, 1);
    await expect(lanes.send({ from: 'vigie@example.test', to: ['gone@example.test'] }, raw)).rejects.toMatchObject({ responseCode: 550 });
    await lanes.send({ from: 'vigie@example.test', to: ['a@example.test'] }, raw);
    expect(sink.got).toEqual(['a@example.test']);
    expect(sink.closed()).toBe(0);
    lanes.close();
  });
});
