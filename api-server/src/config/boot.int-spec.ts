// The built server, started as a process: bad configuration and an unreachable database each
// stop it with one clear line and a non-zero exit. (Needs `pnpm build`; the test command builds.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@chatiq/dev-postgres';
import { describe, expect, it } from 'vitest';
import { apiRoot } from '../../test/support/migrate.js';

const main = path.join(apiRoot, 'dist', 'src', 'main.js');

function boot(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main],
      { cwd: path.join(apiRoot, 'test'), env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
    );
  });
}

describe('booting the API', () => {
  it('refuses invalid configuration with one line per problem', async () => {
    const { code, stderr } = await boot({ PORT: 'eighty', JWT_SECRET: 'short' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration/);
    expect(stderr).toMatch(/^ {2}- PORT: .+$/m);
    expect(stderr).toMatch(/^ {2}- DATABASE_URL: is required.+$/m);
    expect(stderr).toMatch(/^ {2}- JWT_SECRET: must be at least 32 characters$/m);
  });

  it('stops with a clear line when the database cannot be reached', async () => {
    const port = await freePort(); // nothing listens there
    const started = Date.now();
    const { code, stderr } = await boot({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/chatiq`,
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_WAIT_SECONDS: '1',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`cannot reach the database at 127\\.0\\.0\\.1:${port}/chatiq: .*ECONNREFUSED`));
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
