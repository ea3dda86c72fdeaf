import { parentPort, workerData } from 'node:worker_threads';
import { createWebServer } from '../web/web-server.ts';
import { sharedWebCache } from '../web/shared-web-cache.ts';
import { loopbackOrigin } from './origin.ts';
import { compressHere, pageRenderer } from './render-file.ts';
import type { RenderRequest, RenderWorkerData, WorkerMessage } from './render-pool.ts';

/**
 * One thread of the render pool (`render-pool.ts`): the built site served on a loopback port of
 * its own, each address asked of it, marked and compressed here, and handed back to be written.
 */
const port = parentPort!;
const { buildDir, publicUrl } = workerData as RenderWorkerData;
const send = (message: WorkerMessage) => port.postMessage(message);
try {
  // Nothing served from memory: the cache's data version is polled each second and may lag the one
  // the publication read, so a cached document could hide a change from it (seen: 12 s to the copy).
  sharedWebCache({ maxAgeMs: 0, staleWhileRenderMs: 0, staleIfErrorMs: 0, maxEntries: 1 });
  const server = await createWebServer(buildDir, publicUrl);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  const render = pageRenderer(
    loopbackOrigin(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`),
    compressHere,
  );
  port.on('message', (request: RenderRequest) => {
    render(request.path, new Date(request.generatedAt)).then(
      (file) => send({ id: request.id, file }),
      (error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ ready: true });
} catch (error) {
  send({ failed: error instanceof Error ? error.message : String(error) });
}
