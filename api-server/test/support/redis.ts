import { Redis } from 'ioredis';

/** The Redis the multi-node tests use (this machine runs one; CI must have it). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether the test Redis answers. Multi-node tests skip without one on a laptop; under CI a
 * missing Redis is an error (`what` names the test), so the tests can never be silently skipped there.
 */
export async function requireRedisUnlessLaptop(what: string): Promise<boolean> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let reachable = false;
  try {
    await redis.connect();
    reachable = (await redis.ping()) === 'PONG';
  } catch {
    reachable = false;
  } finally {
    redis.disconnect();
  }
  if (!reachable && process.env.CI) throw new Error(`CI must have Redis at ${TEST_REDIS_URL} for ${what}`);
  return reachable;
}
