// The built API (dist/) as a real child process, over a fresh database cloned from the test
// template: what a crash test needs (an in-process app would take the test runner down with it).
// Run `pnpm -r build` first.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@chatiq/dev-postgres';
import { apiRoot } from './migrate.js';
import { freshDatabase, TEST_JWT_SECRET } from './test-app.js';

export type ApiProcess = {
  /** http://127.0.0.1:<port> */
  url: string;
  databaseUrl: string;
  pid: number;
  /** Null while it runs; how it ended otherwise (`code 1`, `signal SIGKILL`). */
  exit: () => string | null;
  /** The last lines it wrote to stdout/stderr (for a failure's message). */
  output: () => string;
  stop: () => Promise<void>;
};

const MAIN = path.join(apiRoot, 'dist', 'src', 'main.js');
const OUTPUT_KEPT = 64 * 1024;

/** Starts the built API on a free port (`env` on top of test defaults) and waits for /health. */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm -r build\` first`);
  const db = await freshDatabase();
  const uploads = await mkdtemp(path.join(tmpdir(), 'chatiq-api-uploads-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let exit: string | null = null;
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      BCRYPT_ROUNDS: '4',
      NODE_ENV: 'production',
      UPLOADS_DIR: uploads,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    }),
  );

  const stop = async () => {
    if (exit === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await db.drop();
    await rm(uploads, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit !== null) {
      await stop();
      throw new Error(`the API exited while starting (${exit}):\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer /health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, databaseUrl: db.url, pid: child.pid ?? 0, exit: () => exit, output: () => output, stop };
}
