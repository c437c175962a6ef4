import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests (each package has its own config).
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'api-server',
      'widget-cdn',
      'admin-panel',
      'e2e',
      'scripts',
      {
        // The business-hours rules once more in a process whose own time zone is not UTC
        // (Newfoundland: UTC-3:30, -2:30 in summer): nothing in them may depend on it.
        test: {
          name: 'api-server TZ=America/St_Johns',
          root: './api-server',
          include: [
            'src/automation/business-hours.spec.ts',
            'src/automation/zoned-wall-time.spec.ts',
            'src/automation/process-time-zone.tz-spec.ts',
          ],
          env: { TZ: 'America/St_Johns' },
          testTimeout: 30_000,
        },
      },
    ],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
