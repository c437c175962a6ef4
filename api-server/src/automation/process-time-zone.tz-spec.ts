// Run only by the vitest project 'api-server TZ=America/St_Johns' (root vitest.config.ts), which
// runs the business-hours unit tests again in a process on Newfoundland time: this checks that
// the process really is on it, so those runs prove something.
import { expect, it } from 'vitest';

it('runs in a process on Newfoundland time (UTC-3:30, -2:30 in summer)', () => {
  expect(process.env.TZ).toBe('America/St_Johns');
  expect(new Date('2025-01-15T12:00:00Z').getTimezoneOffset()).toBe(210);
  expect(new Date('2025-07-15T12:00:00Z').getTimezoneOffset()).toBe(150);
});
