// The long run of the HTTP fuzzer (see test/http-fuzz.int-spec.ts for the slice in the suite).
// Settings from the environment: FUZZ_SEED (default: random), FUZZ_SECONDS (240), FUZZ_RUNS
// (batches; default: as many as fit), FUZZ_BATCH (50 requests), FUZZ_SUMMARY_FILE (where the
// figures go as JSON; http.fuzz.mjs prints them).
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { startApiProcess } from '../test/support/api-process.js';
import { FUZZ_API_ENV, runHttpFuzz } from '../test/support/http-fuzz/run-http-fuzz.js';

it('the API answers every generated request with < 500 and a typed error, and never exits', async () => {
  const seed = Number(process.env.FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));
  const seconds = Number(process.env.FUZZ_SECONDS || 240);
  const started = Date.now();
  const target = await startApiProcess(FUZZ_API_ENV);
  try {
    const { stats, failure } = await runHttpFuzz(target, {
      seed,
      runs: Number(process.env.FUZZ_RUNS || 1_000_000),
      batchSize: Number(process.env.FUZZ_BATCH || 50),
      timeLimitMs: seconds * 1000,
    });
    const summary = {
      requests: stats.requests,
      crashes: stats.crashes,
      '5xx': stats.serverErrors,
      untyped: stats.untyped,
      slowestMs: stats.slowestMs,
      slowest: stats.slowest,
      seed,
      batches: stats.batches,
      aborted: stats.aborted,
      operations: stats.operations,
      statuses: stats.statuses,
      seconds: Math.round((Date.now() - started) / 1000),
      failure,
    };
    if (process.env.FUZZ_SUMMARY_FILE) writeFileSync(process.env.FUZZ_SUMMARY_FILE, JSON.stringify(summary));
    expect(failure, `seed ${seed}`).toBeNull();
    expect(stats).toMatchObject({ crashes: 0, serverErrors: 0, untyped: 0 });
  } finally {
    await target.stop();
  }
});
