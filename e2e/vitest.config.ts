import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A browser over the three services can take a while on a loaded machine: a poll waits for its
    // state up to 10 s unless it says otherwise (the default is 1 s).
    expect: { poll: { timeout: 10_000 } },
  },
});
