import { spawn, type ChildProcess } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { nextRestart, STABLE_AFTER_MS, stayedUp, type RestartHistory } from './backoff.ts';

export interface ChildSpec {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface ChildReport {
  pid: number | null;
  running: boolean;
  startedAt: string | null;
  restarts: number;
  lastExit: string | null;
  lastExitAt: string | null;
  crashLoop: boolean;
  nextRestartAt: string | null;
}

/**
 * Runs each child and restarts it with backoff when it dies, so a crash of the probe never takes
 * the citizens' page down with it (and the reverse). Only `stop()` (SIGTERM/SIGINT) ends them all.
 * Each change is written to `stateFile` (atomically), which both processes show in /healthz.
 */
export function createSupervisor(options: { cwd: string; stateFile: string; log: (line: string) => void; stableAfterMs?: number }) {
  const stableAfterMs = options.stableAfterMs ?? STABLE_AFTER_MS;
  const children = new Map<string, { spec: ChildSpec; child: ChildProcess | null; history: RestartHistory; report: ChildReport }>();
  let stopping = false;

  function publish(): void {
    const state = { updatedAt: new Date().toISOString(), processes: Object.fromEntries([...children].map(([n, c]) => [n, c.report])) };
    writeFileSync(`${options.stateFile}.tmp`, JSON.stringify(state));
    renameSync(`${options.stateFile}.tmp`, options.stateFile);
  }

  function launch(name: string): void {
    const entry = children.get(name);
    if (!entry || stopping) return;
    const startedAt = Date.now();
    const child = spawn(process.execPath, entry.spec.args, {
      cwd: options.cwd,
      stdio: 'inherit',
      env: { ...process.env, ...entry.spec.env, VIGIE_SUPERVISOR_STATE: options.stateFile },
    });
    entry.child = child;
    entry.report = {
      ...entry.report,
      pid: child.pid ?? null,
      running: true,
      startedAt: new Date(startedAt).toISOString(),
      nextRestartAt: null,
    };
    publish();
    // Once it has stayed up, a crash loop before it is over: said now, not at its next exit.
    const stable = setTimeout(() => {
      if (entry.child !== child || !entry.report.crashLoop) return;
      entry.history = stayedUp(entry.history);
      entry.report = { ...entry.report, crashLoop: false };
      publish();
      options.log(`${name} has stayed up for ${Math.round(stableAfterMs / 1000)} s: no longer crash-looping`);
    }, stableAfterMs);
    stable.unref();
    child.on('exit', (code, signal) => {
      clearTimeout(stable);
      entry.child = null;
      const exit = signal ?? `exit code ${code}`;
      if (stopping) return;
      const decision = nextRestart(entry.history, Date.now() - startedAt, stableAfterMs);
      entry.history = decision.history;
      entry.report = {
        ...entry.report,
        pid: null,
        running: false,
        restarts: decision.history.restarts,
        lastExit: exit,
        lastExitAt: new Date().toISOString(),
        crashLoop: decision.crashLoop,
        nextRestartAt: new Date(Date.now() + decision.delayMs).toISOString(),
      };
      publish();
      options.log(
        `${name} stopped (${exit}); restarting in ${Math.round(decision.delayMs / 1000)} s` +
          (decision.crashLoop ? ` — crash loop: ${decision.history.quickDeaths} quick deaths in a row` : ''),
      );
      setTimeout(() => launch(name), decision.delayMs).unref();
    });
  }

  return {
    start(spec: ChildSpec): void {
      const report: ChildReport = {
        pid: null,
        running: false,
        startedAt: null,
        restarts: 0,
        lastExit: null,
        lastExitAt: null,
        crashLoop: false,
        nextRestartAt: null,
      };
      children.set(spec.name, { spec, child: null, history: { quickDeaths: 0, restarts: 0 }, report });
      launch(spec.name);
    },
    /** SIGTERM to every child, SIGKILL after `graceMs`; resolves once all have exited (within 10 s by default). */
    async stop(graceMs = 9_000): Promise<void> {
      stopping = true;
      const running = [...children.values()].map((c) => c.child).filter((c): c is ChildProcess => c !== null && c.exitCode === null);
      for (const child of running) child.kill('SIGTERM');
      const deadline = setTimeout(() => running.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), graceMs);
      deadline.unref();
      await Promise.all(running.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
      clearTimeout(deadline);
    },
  };
}
