// Tests of the automation contract (packages/contracts/src/automation.ts), kept with the domain.
import {
  autoReplyRuleSchema,
  businessHoursSettingsSchema,
  businessStatusPayloadSchema,
  isTimeZone,
  quickTemplateSchema,
  toValidationIssues,
} from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected a failure, parsed ${JSON.stringify(result.data)}`);
  return toValidationIssues(result.error).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const paths = (schema: z.ZodType, value: unknown) => issues(schema, value).map((issue) => issue.path);

describe('business hours settings', () => {
  const base = { timezone: 'Europe/Kyiv' };

  it('applies defaults and accepts several intervals per day, overnight spans and 24:00', () => {
    const parsed = businessHoursSettingsSchema.parse({
      ...base,
      weekly: [
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 1, open: '12:00', close: '18:00' },
        { weekday: 5, open: '22:00', close: '02:00' },
        { weekday: 6, open: '10:00', close: '24:00' },
      ],
      exceptions: [
        { date: '2025-12-25', closed: true },
        { date: '2025-12-31', intervals: [{ open: '10:00', close: '14:00' }] },
      ],
    });
    expect(parsed.enabled).toBe(true);
    expect(parsed.offHoursMessage).toBeNull();
    expect(parsed.weekly).toHaveLength(4);
    expect(businessHoursSettingsSchema.parse(base)).toEqual({ ...base, enabled: true, weekly: [], exceptions: [], offHoursMessage: null });
  });

  it('refuses overlapping intervals with the path of the later one', () => {
    const overlap = issues(businessHoursSettingsSchema, {
      ...base,
      weekly: [
        { weekday: 2, open: '09:00', close: '18:00' },
        { weekday: 3, open: '09:00', close: '18:00' },
        { weekday: 2, open: '17:00', close: '19:00' },
      ],
    });
    expect(overlap).toEqual([{ path: 'weekly.2', message: 'Overlaps weekly[0] (Tuesday 09:00–18:00)' }]);
  });

  it('refuses an overnight span overlapping the next day, also across the end of the week', () => {
    expect(
      paths(businessHoursSettingsSchema, {
        ...base,
        weekly: [
          { weekday: 0, open: '01:00', close: '05:00' },
          { weekday: 6, open: '22:00', close: '02:00' },
        ],
      }),
    ).toEqual(['weekly.1']);
    expect(
      paths(businessHoursSettingsSchema, {
        ...base,
        weekly: [
          { weekday: 4, open: '20:00', close: '20:00' },
          { weekday: 5, open: '08:00', close: '12:00' },
        ],
      }),
    ).toEqual(['weekly.1']);
  });

  it('reports a malformed time once, not also as an overlap', () => {
    expect(
      paths(businessHoursSettingsSchema, {
        ...base,
        weekly: [
          { weekday: 1, open: '09:00', close: '10:00' },
          { weekday: 1, open: '9:30', close: '11:00' },
        ],
      }),
    ).toEqual(['weekly.1.open']);
  });

  it('refuses overlapping intervals inside an exception, and two exceptions for one date', () => {
    expect(
      paths(businessHoursSettingsSchema, {
        ...base,
        exceptions: [
          {
            date: '2025-12-31',
            intervals: [
              { open: '10:00', close: '14:00' },
              { open: '13:00', close: '15:00' },
            ],
          },
          { date: '2025-12-31', closed: true },
        ],
      }),
    ).toEqual(['exceptions.0.intervals.1', 'exceptions.1.date']);
  });

  it('refuses unknown time zones and bare offsets, and accepts IANA names and aliases', () => {
    expect(paths(businessHoursSettingsSchema, { timezone: 'Mars/Olympus_Mons' })).toEqual(['timezone']);
    expect(paths(businessHoursSettingsSchema, { timezone: '+02:00' })).toEqual(['timezone']);
    expect(paths(businessHoursSettingsSchema, { timezone: '' })).toEqual(['timezone']);
    for (const zone of ['Europe/Kyiv', 'Europe/Kiev', 'America/New_York', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+2']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });

  it('refuses malformed times, weekdays, dates and exceptions', () => {
    expect(
      paths(businessHoursSettingsSchema, {
        ...base,
        weekly: [
          { weekday: 7, open: '09:00', close: '18:00' },
          { weekday: 1, open: '24:00', close: '18:00' },
          { weekday: 1, open: '9:00', close: '24:01' },
        ],
        exceptions: [
          { date: '2025-02-29', closed: true },
          { date: '2025-13-01', closed: true },
          { date: '2025-01-01', closed: false },
        ],
      }),
    ).toEqual([
      'weekly.0.weekday',
      'weekly.1.open',
      'weekly.2.open',
      'weekly.2.close',
      'exceptions.0.date',
      'exceptions.1.date',
      'exceptions.2',
    ]);
    expect(businessHoursSettingsSchema.safeParse({ ...base, exceptions: [{ date: '2024-02-29', closed: true }] }).success).toBe(true);
    expect(paths(businessHoursSettingsSchema, { ...base, exceptions: [{ date: '2025-01-01', intervals: [] }] })).toEqual([
      'exceptions.0.intervals',
    ]);
    expect(paths(businessHoursSettingsSchema, { ...base, offHoursMessage: 'x'.repeat(1001) })).toEqual(['offHoursMessage']);
  });
});

describe('auto-reply rules', () => {
  it('require the field of their trigger', () => {
    expect(paths(autoReplyRuleSchema, { trigger: 'KEYWORD', replyText: 'x' })).toEqual(['keywords']);
    expect(paths(autoReplyRuleSchema, { trigger: 'KEYWORD', keywords: [], replyText: 'x' })).toEqual(['keywords']);
    expect(paths(autoReplyRuleSchema, { trigger: 'PATTERN', replyText: 'x' })).toEqual(['pattern']);
    expect(paths(autoReplyRuleSchema, { trigger: 'NO_REPLY', replyText: 'x' })).toEqual(['noReplySeconds']);
    expect(paths(autoReplyRuleSchema, { trigger: 'NO_REPLY', noReplySeconds: 9, replyText: 'x' })).toEqual(['noReplySeconds']);
    expect(paths(autoReplyRuleSchema, { trigger: 'NO_REPLY', noReplySeconds: 86_401, replyText: 'x' })).toEqual(['noReplySeconds']);
    expect(paths(autoReplyRuleSchema, { trigger: 'NO_REPLY', noReplySeconds: 60.5, replyText: 'x' })).toEqual(['noReplySeconds']);
    expect(paths(autoReplyRuleSchema, { trigger: 'WHATEVER', replyText: 'x' })).toEqual(['trigger']);
  });

  it('apply defaults and keep the optional actions', () => {
    expect(autoReplyRuleSchema.parse({ trigger: 'FIRST_MESSAGE', replyText: ' Hi! ' })).toEqual({
      trigger: 'FIRST_MESSAGE',
      replyText: 'Hi!',
      enabled: true,
      position: 0,
      stopAfter: false,
    });
    const rule = autoReplyRuleSchema.parse({
      trigger: 'NO_REPLY',
      noReplySeconds: 120,
      replyText: 'Leave your email',
      setStatus: 'PENDING',
      assignToOperatorId: 'op_1',
      stopAfter: true,
      position: 3,
    });
    expect(rule).toMatchObject({ setStatus: 'PENDING', assignToOperatorId: 'op_1', stopAfter: true, noReplySeconds: 120 });
  });

  it('bound the reply, the pattern and the status', () => {
    expect(paths(autoReplyRuleSchema, { trigger: 'OUTSIDE_HOURS', replyText: '  ' })).toEqual(['replyText']);
    expect(paths(autoReplyRuleSchema, { trigger: 'OUTSIDE_HOURS', replyText: 'x'.repeat(2001) })).toEqual(['replyText']);
    expect(paths(autoReplyRuleSchema, { trigger: 'PATTERN', pattern: 'a'.repeat(201), replyText: 'x' })).toEqual(['pattern']);
    expect(paths(autoReplyRuleSchema, { trigger: 'FIRST_MESSAGE', replyText: 'x', setStatus: 'OPEN' })).toEqual(['setStatus']);
  });
});

describe('quick templates', () => {
  it('normalise and check the shortcut', () => {
    expect(quickTemplateSchema.parse({ shortcut: ' /Price ', text: 'From $10' })).toEqual({ shortcut: '/price', text: 'From $10' });
    expect(quickTemplateSchema.parse({ shortcut: '/a_b-1', text: 'x' }).shortcut).toBe('/a_b-1');
    for (const shortcut of ['price', '/', '/ціна', '/has space', `/${'a'.repeat(33)}`]) {
      expect(paths(quickTemplateSchema, { shortcut, text: 'x' }), shortcut).toEqual(['shortcut']);
    }
    expect(paths(quickTemplateSchema, { shortcut: '/x', text: 'y'.repeat(5001) })).toEqual(['text']);
  });
});

describe('business:status payload', () => {
  it('carries the state, an ISO instant or null, and the message', () => {
    expect(
      businessStatusPayloadSchema.safeParse({ online: false, nextChangeAt: '2025-06-02T06:00:00.000Z', offHoursMessage: 'Back at 9' })
        .success,
    ).toBe(true);
    expect(businessStatusPayloadSchema.safeParse({ online: true, nextChangeAt: null, offHoursMessage: null }).success).toBe(true);
    expect(paths(businessStatusPayloadSchema, { online: true, nextChangeAt: 'tomorrow', offHoursMessage: null })).toEqual(['nextChangeAt']);
  });
});
