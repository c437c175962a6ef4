// What the benchmarks share: the built API as its own process over a fresh, migrated PostgreSQL
// database, a seeded owner and site, percentiles, REST and Socket.IO helpers.
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireTestServer, createDatabase, dropDatabase, freePort, uniqueDatabaseName } from '@chatiq/dev-postgres';
import { io } from 'socket.io-client';

export const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const envNumber = (name, fallback) => Number(process.env[name] ?? fallback);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile of ascending `sorted` (null when empty), to 0.01. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}

export function ascending(samples) {
  return [...samples].sort((a, b) => a - b);
}

export async function waitHealthy(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} never came up`);
}

/** Waits until something accepts connections at `url` (a server starting). */
export async function waitListening(url) {
  const { hostname, port } = new URL(url);
  for (let i = 0; i < 300; i++) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await sleep(50);
  }
  throw new Error(`${url} never came up`);
}

export async function json(url, method, body, token) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

export function connect(url, auth) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * Starts the built API (dist/) on a free port over a new database, migrated, with limits lifted
 * for load and `env` on top. `stop()` ends the process and drops the database. The database server
 * is DATABASE_URL's (or TEST_DATABASE_URL's), else an embedded one with fsync on.
 */
export async function startBenchApi({ dbPrefix, env = {}, log }) {
  // A durable server (every commit flushed to disk, as in production): the figures include it.
  const server = await acquireTestServer(process.env, { durable: true });
  const dbName = uniqueDatabaseName(dbPrefix);
  const databaseUrl = await createDatabase(server.url, dbName);
  let child;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
    await dropDatabase(server.url, dbName).catch(() => {});
    await server.stop();
  };
  try {
    log('migrating');
    execFileSync(path.join(apiRoot, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
      cwd: apiRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // BENCH_API_NODE_ARGS: extra flags for the API's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
    // to profile it; it then exits cleanly on SIGTERM so the profile is written).
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    if (nodeArgs.length > 0) nodeArgs.push('--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))');
    child = spawn(process.execPath, [...nodeArgs, path.join(apiRoot, 'dist', 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-bench',
        LOG_LEVEL: 'warn',
        BCRYPT_ROUNDS: '4',
        SOCKET_EVENTS_PER_SECOND: '100000',
        AUTH_RATE_LIMIT: '100000',
        NODE_ENV: 'production',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitHealthy(`${url}/health`);
    return { url, databaseUrl, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Registers the bench owner and creates their site. */
export async function seedOwnerAndSite(url) {
  const owner = await json(`${url}/auth/register`, 'POST', {
    email: 'bench@example.com',
    password: 'bench-password',
    name: 'Bench',
    organizationName: 'Bench',
  });
  const site = await json(`${url}/sites`, 'POST', { name: 'Bench site' }, owner.accessToken);
  return { owner, site };
}
