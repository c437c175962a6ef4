// ./start.sh, ./status.sh and ./stop.sh over a stack of their own: free ports, a run directory
// and a data directory in /tmp, a fresh database, and the workspace as the test run built it
// (CHATIQ_SKIP_BUILD=1). A developer's own stack (.run/, ports 3000–3002) is left alone.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { acquireTestServer, createDatabase, dropDatabase, freePort, type TestServer, uniqueDatabaseName } from '@chatiq/dev-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exec = promisify(execFile);

type State = {
  supervisorPid: number;
  state: 'running' | 'backoff' | 'stopping' | 'stopped';
  pid: number | null;
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
};

let server: TestServer;
let database: string;
let dir: string;
let env: NodeJS.ProcessEnv;
let runDir: string;
let apiUrl: string;

/** Runs one of the top-level scripts in the test's environment; never throws on a non-zero exit. */
async function script(name: 'start.sh' | 'status.sh' | 'stop.sh', timeoutMs = 180_000): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(path.join(root, name), { cwd: root, env, timeout: timeoutMs });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const readState = (name: string): State => JSON.parse(readFileSync(path.join(runDir, `${name}.state.json`), 'utf8')) as State;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  server = await acquireTestServer();
  database = uniqueDatabaseName('chatiq_stack');
  const databaseUrl = await createDatabase(server.url, database);
  dir = mkdtempSync(path.join(tmpdir(), 'chatiq-stack-'));
  runDir = path.join(dir, 'run');
  const [apiPort, adminPort, widgetPort] = [await freePort(), await freePort(), await freePort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  env = {
    ...process.env,
    CHATIQ_RUN: runDir,
    CHATIQ_DATA: path.join(dir, 'data'),
    CHATIQ_SKIP_BUILD: '1',
    CHATIQ_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    ADMIN_PORT: String(adminPort),
    WIDGET_PORT: String(widgetPort),
    DATABASE_URL: databaseUrl,
    UPLOADS_DIR: path.join(dir, 'uploads'),
  };
});

afterAll(async () => {
  // Whatever happened above, nothing of this stack outlives the test.
  if (env) await script('stop.sh');
  if (database) await dropDatabase(server.url, database);
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('start.sh under supervision', () => {
  it('restarts the API after a SIGKILL, reports it in status.sh, and stops for good', async () => {
    const started = await script('start.sh');
    expect(started.output).toContain('skipped (CHATIQ_SKIP_BUILD=1)');
    expect(started.output).toContain('ChatIQ is running.');
    expect(started.code).toBe(0);
    const before = { api: readState('api'), admin: readState('admin'), widget: readState('widget') };
    expect(before.api).toMatchObject({ state: 'running', restarts: 0, lastExit: null });
    const killed = before.api.pid!;
    expect(await healthy(`${apiUrl}/health`)).toBe(true);

    process.kill(killed, 'SIGKILL');
    await waitFor('the supervisor to record the kill', () => readState('api').lastExit?.signal === 'SIGKILL');
    await waitFor('the API to answer again', async () => {
      const state = readState('api');
      return state.state === 'running' && state.pid !== killed && alive(state.pid!) && (await healthy(`${apiUrl}/health`));
    });
    const after = readState('api');
    expect(after).toMatchObject({ supervisorPid: before.api.supervisorPid, restarts: 1, lastExit: { code: null, signal: 'SIGKILL' } });
    expect(alive(killed)).toBe(false);

    const status = await script('status.sh');
    expect(status.code).toBe(0);
    expect(status.output).toMatch(new RegExp(`^api +up +${after.pid} +1 +SIGKILL at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC`, 'm'));
    expect(status.output).toMatch(new RegExp(`^admin +up +${before.admin.pid} +0 +- `, 'm'));
    expect(status.output).toMatch(new RegExp(`^widget +up +${before.widget.pid} +0 +- `, 'm'));
    const supervisorLog = readFileSync(path.join(runDir, 'logs', 'supervisor.log'), 'utf8');
    expect(supervisorLog).toMatch(/\[supervisor\] api: was killed by SIGKILL after [\d.]+ s; restart 1 in 1 s/);
    expect(readFileSync(path.join(runDir, 'logs', 'api.log'), 'utf8')).toContain(`api: started pid ${after.pid} (restart 1)`);

    const stopped = await script('stop.sh');
    expect(stopped.code).toBe(0);
    expect(stopped.output).toMatch(/^widget: stopped\nadmin: stopped\napi: stopped\n/);
    for (const name of ['api', 'admin', 'widget'] as const) {
      const state = readState(name);
      // Each supervisor exited after its service: nothing is left that could restart it.
      expect(state).toMatchObject({ state: 'stopped', pid: null });
      expect(alive(state.supervisorPid)).toBe(false);
    }
    expect(alive(after.pid!)).toBe(false);
    expect(await healthy(`${apiUrl}/health`)).toBe(false);
    const down = await script('status.sh');
    expect(down.code).toBe(1);
    expect(down.output).toMatch(/^api +stopped +- +1 +SIGTERM at /m);
  });
});
