import { defineProject } from 'vitest/config';

// The supervisor on its own, and start.sh / status.sh / stop.sh over a whole stack of their own.
export default defineProject({
  test: {
    name: 'scripts',
    include: ['*.int-spec.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
