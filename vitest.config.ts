import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests (each package has its own config).
export default defineConfig({
  test: {
    projects: ['packages/*', 'api-server', 'widget-cdn', 'admin-panel', 'e2e', 'scripts'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
