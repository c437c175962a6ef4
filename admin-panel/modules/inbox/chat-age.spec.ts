import { describe, expect, it } from 'vitest';
import { chatAge } from './chat-age';

const now = new Date('2026-11-12T14:30:00Z'); // a Thursday; 16:30 in Kyiv
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe('chatAge', () => {
  it.each([
    // [when, locale, time zone, expected]
    [ago(10_000), 'en', 'UTC', { kind: 'now' }],
    [new Date(now.getTime() + 5_000), 'en', 'UTC', { kind: 'now' }],
    [ago(MIN), 'en', 'UTC', { kind: 'minutes', text: '1 min' }],
    [ago(5 * MIN + 59_000), 'en', 'UTC', { kind: 'minutes', text: '5 min' }],
    [ago(5 * MIN), 'uk', 'UTC', { kind: 'minutes', text: '5 хв' }],
    [ago(59 * MIN), 'en', 'UTC', { kind: 'minutes', text: '59 min' }],
    [new Date('2026-11-12T12:02:00Z'), 'en', 'UTC', { kind: 'time', text: '12:02 PM' }],
    [new Date('2026-11-12T12:02:00Z'), 'uk', 'Europe/Kyiv', { kind: 'time', text: '14:02' }],
    // 23:30 UTC on the 11th is already the 12th in Kyiv: the same day there, yesterday in UTC.
    [new Date('2026-11-11T23:30:00Z'), 'uk', 'Europe/Kyiv', { kind: 'time', text: '01:30' }],
    [new Date('2026-11-11T23:30:00Z'), 'en', 'UTC', { kind: 'weekday', text: 'Wed' }],
    [new Date('2026-11-09T08:00:00Z'), 'en', 'UTC', { kind: 'weekday', text: 'Mon' }],
    [new Date('2026-11-09T08:00:00Z'), 'uk', 'UTC', { kind: 'weekday', text: 'пн' }],
    [new Date('2026-11-04T08:00:00Z'), 'en', 'UTC', { kind: 'date', text: 'Nov 4' }],
    [new Date('2026-11-04T08:00:00Z'), 'uk', 'UTC', { kind: 'date', text: '4 лист.' }],
    [new Date('2025-11-04T08:00:00Z'), 'uk', 'UTC', { kind: 'date', text: '04.11.2025' }],
  ] as const)('%s in %s (%s)', (at, locale, timeZone, expected) => {
    expect(chatAge(at, now, locale, timeZone)).toEqual(expected);
  });
});
