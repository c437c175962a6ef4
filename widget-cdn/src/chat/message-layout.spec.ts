import type { MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.js';
import uk from '../i18n/uk.js';
import { dayKey, dayLabel, fullTimeLabel, layoutEntries, msUntilTomorrow, TIME_GAP_MS, timeLabel } from './message-layout.js';
import { type ChatEntry, mergeMessages, pendingEntry } from './message-merge.js';
import { testMessage } from './test-messages.js';

/** A local time (the separators follow the visitor's calendar, whatever the machine's time zone). */
const at = (month: number, day: number, hour = 12, minute = 0) => new Date(2025, month - 1, day, hour, minute).toISOString();

const message = (seq: number, createdAt: string, overrides: Partial<MessageDto> = {}) =>
  testMessage(seq, { authorId: 'user_olena', authorName: 'Olena', createdAt, ...overrides });

const visitor = (seq: number, createdAt: string, clientId: string | null = null) =>
  message(seq, createdAt, { authorKind: 'VISITOR', authorId: null, authorName: null, clientId });

/** The list as the view draws it: a separator's day before its first message, `*` on a run's first message. */
function drawn(entries: readonly ChatEntry[]): string[] {
  return layoutEntries(entries).flatMap(({ entry, day, first }) => [...(day ? [`— ${day} —`] : []), `${first ? '*' : ' '}${entry.text}`]);
}

describe('layoutEntries: day separators', () => {
  it('puts a separator before the first message of each local day', () => {
    const entries = mergeMessages(
      [],
      [
        visitor(1, at(3, 1, 9)),
        message(2, at(3, 1, 23, 59)),
        visitor(3, at(3, 2, 0, 1)),
        message(4, at(3, 4, 10)),
        message(5, at(3, 4, 11)),
      ],
    );
    expect(drawn(entries)).toEqual([
      '— 2025-03-01 —',
      '*message 1',
      '*message 2',
      '— 2025-03-02 —',
      '*message 3',
      '— 2025-03-04 —',
      '*message 4',
      ' message 5',
    ]);
  });

  it('history merged in before the live messages moves the separators with it', () => {
    // The page shows today's live messages; then the earlier history arrives (a resumed chat).
    const live = mergeMessages([], [message(3, at(3, 4, 10)), visitor(4, at(3, 4, 10, 5))]);
    expect(drawn(live)).toEqual(['— 2025-03-04 —', '*message 3', '*message 4']);
    const withHistory = mergeMessages(live, [visitor(1, at(3, 2, 9)), message(2, at(3, 2, 9, 30))]);
    expect(drawn(withHistory)).toEqual(['— 2025-03-02 —', '*message 1', '*message 2', '— 2025-03-04 —', '*message 3', '*message 4']);
  });

  it("the visitor's message waiting to be resent stays under its day; once stored, under the server's", () => {
    // Written late on the 3rd while offline, sent after midnight: the server dates it the 4th.
    const history = mergeMessages([], [message(1, at(3, 3, 18))]);
    const waiting = [...history, pendingEntry('c1', 'written offline', at(3, 3, 23, 58))];
    expect(drawn(waiting)).toEqual(['— 2025-03-03 —', '*message 1', '*written offline']);
    const stored = mergeMessages(waiting, [{ ...visitor(2, at(3, 4, 0, 2), 'c1'), text: 'written offline' }]);
    expect(drawn(stored)).toEqual(['— 2025-03-03 —', '*message 1', '— 2025-03-04 —', '*written offline']);
  });

  it('never starts an earlier day again: a message dated before the current day stays in it', () => {
    // A pending message from a browser whose clock is behind the server's.
    const entries = [...mergeMessages([], [message(1, at(3, 4, 10))]), pendingEntry('c1', 'behind', at(3, 3, 23, 59))];
    expect(drawn(entries)).toEqual(['— 2025-03-04 —', '*message 1', '*behind']);
  });

  it('skips a message without a valid date (no separator of its own)', () => {
    const entries = mergeMessages([], [message(1, at(3, 4, 10)), message(2, 'not a date')]);
    expect(drawn(entries)).toEqual(['— 2025-03-04 —', '*message 1', ' message 2']);
  });
});

describe('layoutEntries: runs of one author', () => {
  it('starts a run at each change of author, and at each new day', () => {
    const entries = mergeMessages(
      [],
      [
        message(1, at(3, 4, 10)),
        message(2, at(3, 4, 10, 1)),
        message(3, at(3, 4, 10, 2), { authorId: 'user_ivan', authorName: 'Ivan' }),
        message(4, at(3, 4, 10, 3), { authorKind: 'AI', authorId: null, authorName: 'Assistant' }),
        message(5, at(3, 4, 10, 4), { authorKind: 'AI', authorId: null, authorName: 'Assistant' }),
        visitor(6, at(3, 4, 10, 5)),
        visitor(7, at(3, 4, 10, 6)),
        message(8, at(3, 4, 10, 7)),
        message(9, at(3, 5, 9)),
      ],
    );
    expect(layoutEntries(entries).map(({ first }) => first)).toEqual([true, false, true, true, false, true, false, true, true]);
  });

  it('tells two operators of the same name apart by their id', () => {
    const entries = mergeMessages([], [message(1, at(3, 4, 10)), message(2, at(3, 4, 10, 1), { authorId: 'user_other_olena' })]);
    expect(layoutEntries(entries).map(({ first }) => first)).toEqual([true, true]);
  });
});

describe('layoutEntries: time labels', () => {
  /** The entries' texts, with the time label (`@`) before those that get one. */
  const timed = (entries: readonly ChatEntry[]) => layoutEntries(entries).map(({ entry, time }) => `${time ? '@' : ''}${entry.text}`);

  it('labels the first message, then only a message after a pause of more than five minutes', () => {
    expect(TIME_GAP_MS).toBe(5 * 60_000);
    const entries = mergeMessages(
      [],
      [
        visitor(1, at(3, 4, 10, 0)),
        message(2, at(3, 4, 10, 3)),
        visitor(3, at(3, 4, 10, 8)), // exactly five minutes: no label
        message(4, at(3, 4, 10, 14)), // six minutes: a label
        message(5, at(3, 4, 10, 15)),
      ],
    );
    expect(timed(entries)).toEqual(['@message 1', 'message 2', 'message 3', '@message 4', 'message 5']);
  });

  it('labels the first message of each day, however short the pause', () => {
    const entries = mergeMessages([], [visitor(1, at(3, 4, 23, 58)), message(2, at(3, 5, 0, 1))]);
    expect(timed(entries)).toEqual(['@message 1', '@message 2']);
  });

  it('measures a pause from the latest message: one dated earlier (a clock behind) gets no label and moves nothing', () => {
    const entries = [
      ...mergeMessages([], [message(1, at(3, 4, 10, 0))]),
      pendingEntry('c1', 'behind', at(3, 4, 9, 40)),
      pendingEntry('c2', 'soon after', at(3, 4, 10, 4)),
      pendingEntry('c3', 'later', at(3, 4, 10, 20)),
    ];
    expect(timed(entries)).toEqual(['@message 1', 'behind', 'soon after', '@later']);
  });

  it('gives a message without a valid date no label, and measures past it', () => {
    const entries = mergeMessages(
      [],
      [message(1, 'not a date'), message(2, at(3, 4, 10)), message(3, 'nope'), message(4, at(3, 4, 10, 2))],
    );
    expect(timed(entries)).toEqual(['message 1', '@message 2', 'message 3', 'message 4']);
  });

  it('formats the local time in the widget language by Intl', () => {
    const date = at(3, 4, 14, 5);
    expect(timeLabel(date, 'en')).toBe('2:05 PM');
    expect(timeLabel(date, 'uk')).toBe('14:05');
    expect(timeLabel('nope', 'en')).toBe('');
    expect(fullTimeLabel(date, 'en')).toBe('Tuesday, March 4, 2025 at 2:05 PM');
    expect(fullTimeLabel(date, 'uk')).toMatch(/^вівторок, 4 березня 2025 р\. о 14:05$/);
  });
});

describe('dayLabel', () => {
  const now = new Date(2025, 2, 10, 0, 30); // just after midnight: "today" is the 10th
  it('says Today and Yesterday in the widget language', () => {
    expect(dayLabel(dayKey(now)!, now, 'en', en)).toBe('Today');
    expect(dayLabel('2025-03-09', now, 'en', en)).toBe('Yesterday');
    expect(dayLabel('2025-03-10', now, 'uk', uk)).toBe('Сьогодні');
    expect(dayLabel('2025-03-09', now, 'uk', uk)).toBe('Учора');
    // Across a month and a year.
    expect(dayLabel('2024-12-31', new Date(2025, 0, 1, 8), 'en', en)).toBe('Yesterday');
  });

  it('gives older days as a date in the widget language (the year only when it is not this one)', () => {
    expect(dayLabel('2025-03-03', now, 'en', en)).toBe('Monday, March 3');
    expect(dayLabel('2025-03-03', now, 'uk', uk)).toBe('Понеділок, 3 березня');
    expect(dayLabel('2024-11-28', now, 'en', en)).toBe('November 28, 2024');
    expect(dayLabel('2024-11-28', now, 'uk', uk)).toBe('28 листопада 2024 р.');
  });

  it('dayKey is the local calendar day', () => {
    expect(dayKey(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(dayKey(new Date(2025, 0, 6, 0, 0))).toBe('2025-01-06');
    expect(dayKey('nonsense')).toBeNull();
  });

  it('msUntilTomorrow counts to the next local midnight', () => {
    expect(msUntilTomorrow(new Date(2025, 2, 10, 23, 59, 30))).toBe(30_000);
    expect(msUntilTomorrow(new Date(2025, 2, 10, 0, 0))).toBe(24 * 3600_000);
  });
});
