import pg from 'pg';

/**
 * Fails with one clear line when the database cannot be reached, after retrying for a while
 * (a database that is still starting is fine).
 */
export async function waitForDatabase(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  do {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await client.end().catch(() => {});
    }
  } while (Date.now() < deadline);
  const { hostname, port, pathname } = new URL(url);
  const reason = describeError(lastError);
  throw new Error(`cannot reach the database at ${hostname}:${port || 5432}${pathname}: ${reason}`);
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describeError).join('; ');
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
