import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The long HTTP fuzzing run (`pnpm fuzz:http`, through http.fuzz.mjs): not part of `vitest run`.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    name: 'api-server-fuzz',
    include: ['fuzz/**/*.fuzz.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 6 * 60 * 60 * 1000,
    hookTimeout: 120_000,
  },
});
