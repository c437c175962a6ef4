import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'admin-panel', include: ['modules/**/*.spec.ts', 'lib/**/*.spec.ts', 'i18n/**/*.spec.ts', 'server/**/*.spec.ts'] },
});
