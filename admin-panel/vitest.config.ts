import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // `@/…` as in tsconfig.json's paths (Next resolves it for the app, this for the unit tests).
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: { name: 'admin-panel', include: ['modules/**/*.spec.ts', 'lib/**/*.spec.ts', 'i18n/**/*.spec.ts', 'server/**/*.spec.ts'] },
});
