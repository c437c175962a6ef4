// The supervisor on its own, over small real processes: backoff that doubles, stops at its cap and
// starts over once a service stayed up; what a service started goes with it; a stop is not a crash.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const supervisor = path.join(path.dirname(fileURLToPath(import.meta.url)), 'supervise.mjs');

type State = {
  supervisorPid: number;
  state: 'running' | 'backoff' | 'stopping' | 'stopped';
  pid: number | null;
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string; uptimeSeconds: number } | null;
};

let dir: string;
let running: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'chatiq-supervise-'));
});

afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running = [];
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a supervisor of `script` (Node code), with its flags. */
function supervise(script: string, flags: string[] = []) {
  const state = path.join(dir, 'svc.state.json');
  const log = path.join(dir, 'supervisor.log');
  const child = spawn(
    process.execPath,
    [supervisor, '--name', 'svc', '--state', state, '--log', log, ...flags, '--', process.execPath, '-e', script],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    log: () => readFileSync(log, 'utf8'),
    state: (): State | null => {
      try {
        return JSON.parse(readFileSync(state, 'utf8')) as State;
      } catch {
        return null;
      }
    },
  };
}

type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/** Polls `probe` until it returns something truthy, and returns that. */
async function waitFor<T>(what: string, probe: () => T, timeoutMs = 30_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const delays = (log: string) => [...log.matchAll(/restart \d+ in ([\d.]+) s/g)].map((m) => Number(m[1]));

describe('supervise.mjs', () => {
  it('restarts a crashing service after 1×, 2×, 4× the backoff up to its cap, and from 1× again after a run that lasted', async () => {
    // Runs 1–4 crash at once, run 5 stays up longer than --stable-after, run 6 and later crash at once.
    const counter = path.join(dir, 'runs');
    writeFileSync(counter, '0');
    const script = `
      const fs = require('node:fs');
      const run = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1;
      fs.writeFileSync(${JSON.stringify(counter)}, String(run));
      console.log('run ' + run);
      setTimeout(() => process.exit(3), run === 5 ? 4000 : 0);`;
    // (A quick run still takes Node's start-up, over a second on a busy machine: hence 4 s.)
    const svc = supervise(script, ['--backoff', '0.1', '--max-backoff', '0.4', '--stable-after', '4']);

    const state = await waitFor('the sixth restart', () => {
      const s = svc.state();
      return s && s.restarts >= 6 && s;
    });
    expect(delays(svc.log()).slice(0, 6)).toEqual([0.1, 0.2, 0.4, 0.4, 0.1, 0.2]);
    expect(state.lastExit).toMatchObject({ code: 3, signal: null });
    // The service's own output and the supervisor's lines share the service's log.
    expect(svc.output()).toMatch(/^run 1$/m);
    expect(svc.output()).toMatch(/\[supervisor\] svc: exited with code 3 after [\d.]+ s; restart 1 in 0.1 s/);
  });

  it('records a kill by signal, ends what the service started before restarting it, and stops without restarting', async () => {
    // The service starts a helper in its process group (as next start or PostgreSQL do) and stays up.
    const helperPidFile = path.join(dir, 'helper.pid');
    const script = `
      const { spawn } = require('node:child_process');
      const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync(${JSON.stringify(helperPidFile)}, String(helper.pid));
      setInterval(() => {}, 1000);`;
    const svc = supervise(script, ['--backoff', '0.1']);
    const first = await waitFor('the service and its helper', () => {
      const s = svc.state();
      return s?.pid && readHelper(helperPidFile) && { pid: s.pid, helper: readHelper(helperPidFile)! };
    });
    expect(alive(first.helper)).toBe(true);

    process.kill(first.pid, 'SIGKILL');
    const restarted = await waitFor('the restart', () => {
      const s = svc.state();
      return s?.state === 'running' && s.pid !== first.pid && s.pid && s;
    });
    expect(restarted.restarts).toBe(1);
    expect(restarted.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(alive(first.helper)).toBe(false); // gone before the new copy started
    expect(svc.log()).toMatch(/svc: was killed by SIGKILL after [\d.]+ s; restart 1 in 0.1 s/);

    const second = await waitFor('the new helper', () => {
      const helper = readHelper(helperPidFile);
      return helper !== first.helper && helper;
    });
    // A closed terminal (SIGHUP) changes nothing.
    svc.child.kill('SIGHUP');
    await waitFor('the SIGHUP', () => svc.log().includes('svc: SIGHUP ignored'));
    expect(svc.state()).toMatchObject({ state: 'running', pid: restarted.pid, restarts: 1 });

    svc.child.kill('SIGTERM');
    expect(await svc.exited).toBe(0);
    const stopped = svc.state()!;
    expect(stopped).toMatchObject({ state: 'stopped', pid: null, restarts: 1 });
    expect(alive(restarted.pid!)).toBe(false);
    expect(alive(second)).toBe(false);
    expect(svc.log()).toMatch(/svc: SIGTERM: stopping\n.*svc: was killed by SIGTERM after [\d.]+ s \(stopping\)\n.*svc: stopped\n$/);
  });

  it('kills a service that ignores the stop signal after --stop-timeout', async () => {
    const svc = supervise(
      `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000);`,
      ['--stop-timeout', '0.5'],
    );
    // (The supervisor's log line quotes the script: look for whole lines.)
    const pid = await waitFor('the service', () => /^ready$/m.test(svc.output()) && svc.state()?.pid);
    svc.child.kill('SIGTERM');
    expect(await svc.exited).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(svc.output()).toMatch(/^ignoring SIGTERM$/m);
    expect(svc.log()).toContain('still running 0.5 s after SIGTERM: SIGKILL');
    expect(svc.state()).toMatchObject({ state: 'stopped', restarts: 0, lastExit: { signal: 'SIGKILL' } });
  });

  it('keeps retrying a command that cannot be started, and refuses bad flags', async () => {
    const state = path.join(dir, 'missing.state.json');
    const missing = spawn(
      process.execPath,
      [supervisor, '--name', 'missing', '--state', state, '--backoff', '0.1', '--', '/nonexistent/command'],
      {
        stdio: 'pipe',
      },
    );
    running.push(missing);
    let output = '';
    missing.stdout.on('data', (chunk) => {
      output += chunk;
    });
    await waitFor('two failed starts', () => (output.match(/could not start/g)?.length ?? 0) >= 2);
    expect(output).toContain('missing: could not start (spawn /nonexistent/command ENOENT)');
    expect(JSON.parse(readFileSync(state, 'utf8')).restarts).toBeGreaterThanOrEqual(2);
    missing.kill('SIGTERM');

    const bad = spawn(process.execPath, [supervisor, '--name', 'x', '--state', state, '--backoff', 'soon', '--', 'true'], {
      stdio: 'pipe',
    });
    let errors = '';
    bad.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    expect(await new Promise((resolve) => bad.once('exit', resolve))).toBe(2);
    expect(errors).toContain('--backoff must be a positive number of seconds');
  });
});

function readHelper(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8')) || null;
  } catch {
    return null;
  }
}
