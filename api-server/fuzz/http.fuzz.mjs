// `pnpm fuzz:http`: runs the HTTP fuzzer (http.fuzz.ts) for a few minutes against the built API
// (run `pnpm -r build` first) and prints ONE JSON line: requests sent, crashes and 5xx answers
// (both must be 0), the slowest answer in ms, the seed (FUZZ_SEED=<it> replays the run), and more.
// Vitest's own output goes to test-results/fuzz-http.log (printed when the run fails).
// Environment: FUZZ_SEED, FUZZ_SECONDS (240), FUZZ_RUNS, FUZZ_BATCH (50).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const logDir = path.join(repo, 'test-results');
mkdirSync(logDir, { recursive: true });
const logFile = path.join(logDir, 'fuzz-http.log');
const summaryFile = path.join(tmpdir(), `chatiq-fuzz-http-${process.pid}.json`);
const log = openSync(logFile, 'w');

const vitest = spawn(
  process.execPath,
  [path.join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'api-server/fuzz/vitest.config.ts'],
  { cwd: repo, env: { ...process.env, FUZZ_SUMMARY_FILE: summaryFile }, stdio: ['ignore', log, log] },
);
const code = await new Promise((resolve) => vitest.once('exit', (c) => resolve(c ?? 1)));
let summary;
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile, { force: true });
} catch {
  summary = { error: `the fuzzer did not finish; see ${path.relative(repo, logFile)}` };
}
console.log(JSON.stringify(summary));
if (code !== 0) {
  process.stderr.write(readFileSync(logFile, 'utf8').slice(-20_000));
  process.exitCode = code;
}
