import { businessHoursSettingsSchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-client';
import { errorAt, errorsWithin, fieldErrorsFromApiError, fieldErrorsFromIssues, unclaimedErrors } from './field-errors';

describe('field errors', () => {
  it('maps validation_failed issues to their field paths, first message per path', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      message: 'Invalid body',
      issues: [
        { path: ['weekly', 3, 'open'], message: 'Must be a time from 00:00 to 23:59' },
        { path: ['weekly', 3, 'open'], message: 'second' },
        { path: ['timezone'], message: 'Must be an IANA time zone such as Europe/Kyiv' },
      ],
    });
    const errors = fieldErrorsFromApiError(error);
    expect(errors).toEqual({
      'weekly.3.open': 'Must be a time from 00:00 to 23:59',
      timezone: 'Must be an IANA time zone such as Europe/Kyiv',
    });
    expect(errorAt(errors ?? {}, 'weekly', 3, 'open')).toBe('Must be a time from 00:00 to 23:59');
    expect(errorAt(errors ?? {}, 'weekly', 3)).toBeUndefined();
    expect(errorsWithin(errors ?? {}, 'weekly', 3)).toEqual(['Must be a time from 00:00 to 23:59']);
    expect(errorsWithin(errors ?? {}, 'weekly', 31)).toEqual([]);
  });

  it('keeps a validation error without issues as a form error, and ignores other errors', () => {
    expect(fieldErrorsFromApiError(new ApiError(400, { code: 'validation_failed', message: 'Bad JSON' }))).toEqual({ '': 'Bad JSON' });
    expect(fieldErrorsFromApiError(new ApiError(409, { code: 'shortcut_taken', message: 'taken' }))).toBeNull();
    expect(fieldErrorsFromApiError(new Error('network'))).toBeNull();
  });

  it('reads zod errors of the contract schemas the same way', () => {
    const result = businessHoursSettingsSchema.safeParse({
      timezone: 'Europe/Kyiv',
      weekly: [
        { weekday: 1, open: '09:00', close: '13:00' },
        { weekday: 1, open: '12:00', close: '18:00' },
      ],
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromIssues(result.error?.issues ?? []);
    expect(Object.keys(errors)).toEqual(['weekly.1']);
    expect(errorsWithin(errors, 'weekly', 1)).toHaveLength(1);
  });

  it('lists the problems no shown field claims', () => {
    const errors = { timezone: 'a', 'weekly.0.open': 'b', '': 'c', other: 'd' };
    expect(unclaimedErrors(errors, ['timezone', 'weekly'])).toEqual(['c', 'd']);
  });
});
