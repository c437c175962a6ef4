import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'widget-cdn', include: ['src/**/*.spec.ts'] },
});
