import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { KeyPair } from '../../../fake-gov/certificates.ts';

/** TCP listeners on loopback that behave as the TCP check's cases need. */

export interface Listener {
  port: number;
  stop(): Promise<void>;
}

async function listen(server: Server): Promise<Listener> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port where nothing listens any more. */
export async function closedPort(): Promise<number> {
  const listener = await listen(createServer());
  await listener.stop();
  return listener.port;
}

/** Accepts, then resets the connection (RST) at once. */
export const resetting = () => listen(createServer((socket) => socket.resetAndDestroy()));

/** Accepts and never says a word: a TLS handshake waits forever. */
export const silentListener = () => listen(createServer(() => undefined));

/** Serves TLS with `pair`, after waiting `delayMs` before the handshake. */
export const tlsListener = (pair: KeyPair, delayMs = 0) =>
  listen(
    createServer((socket) => {
      socket.on('error', () => undefined);
      setTimeout(() => {
        const tls = new TLSSocket(socket, { isServer: true, key: pair.key, cert: pair.cert });
        tls.on('error', () => undefined);
      }, delayMs);
    }),
  );

/**
 * A host that does not complete connections: a listener in its own process with a one-place
 * backlog, stopped (SIGSTOP) so it accepts nothing, its backlog filled: the kernel then drops
 * further SYNs, as a filtered or overloaded host does, and a connect can only time out.
 */
export async function stoppedListener(): Promise<Listener & { fillers: Socket[] }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>console.log(s.address().port))"],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  child.kill('SIGSTOP');
  const fillers: Socket[] = [];
  // Linux queues backlog + 1 completed connections; a few more for good measure, each given a moment.
  for (let i = 0; i < 4; i++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => undefined);
    fillers.push(socket);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    fillers,
    stop: async () => {
      for (const s of fillers) s.destroy();
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
