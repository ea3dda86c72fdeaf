import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/site-server.ts';

/**
 * Real probe processes (`src/cli/probe.ts`) at several locations on one machine: each leaves
 * from its own loopback address, so the fake government can answer each location differently.
 */
const entry = fileURLToPath(new URL('../../../src/cli/probe.ts', import.meta.url));

export interface ProbeLocation {
  id: string;
  /** The 127.0.0.x its checks leave from. */
  address: string;
  country: string;
}

export interface ProbeProcess {
  location: string;
  /** Its Hono app (/healthz) on 127.0.0.1. */
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The catalogue naming the locations, written to `dir`; returns its path. */
export function writeLocatedCatalogue(dir: string, locations: readonly ProbeLocation[], body: Record<string, unknown>): string {
  const path = join(dir, 'services.json');
  const named = locations.map((l) => ({ id: l.id, name: { fr: l.id.toUpperCase(), en: l.id.toUpperCase() }, country: l.country }));
  writeFileSync(path, JSON.stringify({ categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }], locations: named, ...body }));
  return path;
}

export async function startProbe(location: ProbeLocation, env: Record<string, string>): Promise<ProbeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      ...env,
      VIGIE_LOCATION: location.id,
      VIGIE_PROBE_SOURCE_ADDRESS: location.address,
      PROBE_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  return {
    location: location.id,
    port,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The probe's /healthz, or null while it is not answering yet. */
export async function health(probe: ProbeProcess): Promise<{ leasesHeld: number | null } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${probe.port}/healthz`);
    return res.ok ? ((await res.json()) as { leasesHeld: number | null }) : null;
  } catch {
    return null;
  }
}

/** Polls `probe` until it returns a value; fails after `ms` saying what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Gave up after ${ms} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
