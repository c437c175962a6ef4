// The embedded PostgreSQL as start.sh runs it (dev-postgres's cli under the supervisor): when the
// postmaster is killed, the cli exits, the supervisor starts both again, and what was committed
// before the crash is still there.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, databaseExists, freePort } from '@chatiq/dev-postgres';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let dir: string | undefined;
let supervisor: ChildProcess | undefined;

type State = { state: string; pid: number | null; restarts: number; lastExit: { code: number | null; signal: string | null } | null };

afterAll(() => {
  if (supervisor && supervisor.exitCode === null) supervisor.kill('SIGKILL');
  if (dir) {
    const postmaster = postmasterPid(dir);
    if (postmaster) killQuietly(postmaster, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

function postmasterPid(base: string): number | null {
  try {
    return Number(readFileSync(path.join(base, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
}

async function answers(url: string, database: string): Promise<boolean> {
  try {
    return await databaseExists(url, database);
  } catch {
    return false;
  }
}

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('restarts the embedded PostgreSQL after its postmaster is killed, with the data committed before', async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'chatiq-supervise-pg-'));
  dir = base;
  chmodSync(base, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its data
  const port = await freePort();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const statePath = path.join(base, 'postgres.state.json');
  const readState = () => JSON.parse(readFileSync(statePath, 'utf8')) as State;
  let output = '';
  supervisor = spawn(
    process.execPath,
    [
      'scripts/supervise.mjs',
      ...['--name', 'postgres', '--state', statePath, '--stop-signal', 'SIGINT', '--backoff', '0.2'],
      '--',
      ...[process.execPath, 'packages/dev-postgres/dist/cli.js', '--data', path.join(base, 'data'), '--port', String(port)],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  supervisor.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  supervisor.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => supervisor?.once('exit', resolve));

  await waitFor('PostgreSQL to accept connections', () => answers(url, 'postgres'));
  await createDatabase(url, 'kept_before_crash');
  const killed = postmasterPid(base)!;
  expect(killed).toBeGreaterThan(0);

  process.kill(killed, 'SIGKILL');
  await waitFor('the restarted PostgreSQL', async () => {
    const state = readState();
    return state.restarts === 1 && state.state === 'running' && (await answers(url, 'kept_before_crash'));
  });
  expect(readState().lastExit).toEqual(expect.objectContaining({ code: 1, signal: null }));
  expect(postmasterPid(base)).not.toBe(killed);
  expect(output).toContain(`PostgreSQL (postmaster pid ${killed}) exited on its own`);
  expect(output).toMatch(/postgres: exited with code 1 after [\d.]+ s; restart 1 in 0.2 s/);

  // A deliberate stop: PostgreSQL shuts down cleanly and nothing starts it again.
  const restarted = postmasterPid(base)!;
  supervisor.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(readState()).toMatchObject({ state: 'stopped', pid: null, restarts: 1 });
  expect(() => process.kill(restarted, 0)).toThrow();
  expect(output).toContain('SIGINT: stopping embedded PostgreSQL');
});
