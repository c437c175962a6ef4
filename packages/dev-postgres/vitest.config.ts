import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'dev-postgres', include: ['src/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
