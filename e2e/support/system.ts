// Starts the whole system as real processes, the way start.sh runs it: the built API, the built
// admin panel (server/start.mjs) and the widget server, each on a free port, over a fresh database.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@chatiq/dev-postgres';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = path.join(repoRoot, 'e2e', 'test-results');

export type System = { apiUrl: string; adminUrl: string; widgetUrl: string; stop: () => Promise<void> };

function start(name: string, command: string[], cwd: string, env: Record<string, string>): ChildProcess {
  mkdirSync(path.join(resultsDir, 'logs'), { recursive: true });
  const log = createWriteStream(path.join(resultsDir, 'logs', `${name}.log`));
  const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitHealthy(url: string, child: ChildProcess, name: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see e2e/test-results/logs/${name}.log`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not healthy at ${url} within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
/**
 * The loopback address the browser tests' fake AI providers listen on, and the only one the API's
 * EGRESS_ALLOW names: allowing a local server is explicit, and the API, panel and widget
 * (127.0.0.1) stay out of reach of a base URL.
 */
export const FAKE_PROVIDER_HOST = '127.0.0.86';

/**
 * Migrates and seeds `databaseUrl`, then starts the three services (`apiEnv`: more of the API's
 * environment). `name` prefixes the log files of a second system a test starts (`<name>-api.log`…).
 */
export async function startSystem(databaseUrl: string, apiEnv: Record<string, string> = {}, name = ''): Promise<System> {
  const logName = (service: string) => (name ? `${name}-${service}` : service);
  const apiDir = path.join(repoRoot, 'api-server');
  execFileSync(path.join(apiDir, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });

  const [apiPort, adminPort, widgetPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const widgetUrl = `http://127.0.0.1:${widgetPort}`;

  execFileSync(process.execPath, [path.join(apiDir, 'dist', 'prisma', 'seed.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_WIDGET_ORIGINS: widgetUrl },
    stdio: 'ignore',
  });

  const children = [
    start(logName('api'), [process.execPath, 'dist/src/main.js'], apiDir, {
      DATABASE_URL: databaseUrl,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      CORS_ORIGINS: adminUrl,
      BCRYPT_ROUNDS: '4',
      NODE_ENV: 'production',
      // Every browser test signs in from 127.0.0.1: the per-IP auth limit is not what they test.
      AUTH_RATE_LIMIT: '10000',
      // Seals sites' AI provider keys (the AI browser test saves one for the fake OpenAI server).
      AI_SECRET_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      EGRESS_ALLOW: FAKE_PROVIDER_HOST,
      // Links in mails (password reset, invitations) open this admin panel.
      ADMIN_URL: adminUrl,
      ...apiEnv,
    }),
    start(
      logName('admin'),
      // The panel's production server (next start + the browser's address for sign-in), as start.sh runs it.
      [process.execPath, 'server/start.mjs', '--port', String(adminPort)],
      path.join(repoRoot, 'admin-panel'),
      {
        NEXTAUTH_URL: adminUrl,
        NEXTAUTH_SECRET: 'e2e-nextauth-secret-e2e-nextauth-secret',
        CHATIQ_API_URL: apiUrl,
        CHATIQ_WIDGET_URL: widgetUrl,
        NEXT_TELEMETRY_DISABLED: '1',
        HOSTNAME: '127.0.0.1',
      },
    ),
    start(logName('widget'), [process.execPath, 'server.mjs'], path.join(repoRoot, 'widget-cdn'), {
      PORT: String(widgetPort),
      HOST: '127.0.0.1',
    }),
  ];
  const [api, admin, widget] = children as [ChildProcess, ChildProcess, ChildProcess];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };
  try {
    await Promise.all([
      waitHealthy(`${apiUrl}/health`, api, logName('api')),
      waitHealthy(`${adminUrl}/api/health`, admin, logName('admin')),
      waitHealthy(`${widgetUrl}/health`, widget, logName('widget')),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, adminUrl, widgetUrl, stop };
}
