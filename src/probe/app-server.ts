import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/**
 * The probe's (and the sender's) HTTP face is for operators and their monitoring, not the public: loopback unless
 * PROBE_HOST says otherwise, and bounded so no client can hold it (and the probe's memory) hostage.
 * Past `maxConnections`, new connections are closed at once.
 */
export const PROBE_HTTP_LIMITS = {
  maxConnections: 64,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  /** How often Node enforces the two timeouts above (its default, 30 s, let slow clients hold every slot that long). */
  connectionsCheckingIntervalMs: 1_000,
  maxHeaderSize: 8 * 1024,
  maxHeadersCount: 50,
} as const;

export function serveProbeApp(app: Hono, options: { hostname: string; port: number }, onListening: (port: number) => void): Server {
  const server = serve(
    {
      fetch: app.fetch,
      hostname: options.hostname,
      port: options.port,
      serverOptions: {
        maxHeaderSize: PROBE_HTTP_LIMITS.maxHeaderSize,
        headersTimeout: PROBE_HTTP_LIMITS.headersTimeoutMs,
        requestTimeout: PROBE_HTTP_LIMITS.requestTimeoutMs,
        keepAliveTimeout: PROBE_HTTP_LIMITS.keepAliveTimeoutMs,
        connectionsCheckingInterval: PROBE_HTTP_LIMITS.connectionsCheckingIntervalMs,
      },
    },
    (info) => onListening(info.port),
  ) as Server;
  server.maxConnections = PROBE_HTTP_LIMITS.maxConnections;
  server.maxHeadersCount = PROBE_HTTP_LIMITS.maxHeadersCount;
  return server;
}
