import type { WidgetLanguage } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import type { ChatEntry } from './message-merge.js';

/** How one message sits in the list: after a day separator or not, first of its author's group or not. */
export interface EntryLayout {
  entry: ChatEntry;
  /** A new day starts with this message: its day (`dayKey`), shown as a separator before it. */
  day: string | null;
  /** The first message of a run by the same author (the operator's name and avatar go on it). */
  first: boolean;
  /** A time label goes before this message (the first one, a new day, or a gap over `TIME_GAP_MS`). */
  time: boolean;
}

/** A pause longer than this between two messages shows the time of the next one. */
export const TIME_GAP_MS = 5 * 60_000;

/**
 * Where the day separators go and where each author's run of messages starts, for the entries in
 * the order they are shown. Days are the visitor's local calendar days. A day is only ever started
 * once and in order: a message dated before the day already begun (a clock off by a little, a
 * message sent offline and stored later) stays in the current day rather than adding a second
 * separator for an earlier one. A new day also starts a new group. A time label goes before the
 * first dated message, the first of each day, and one written more than TIME_GAP_MS after the
 * latest message before it (one dated earlier, by a clock off by a little, gets none).
 */
export function layoutEntries(entries: readonly ChatEntry[]): EntryLayout[] {
  const layout: EntryLayout[] = [];
  let currentDay = '';
  let previousAuthor: string | null = null;
  let latest = Number.NaN;
  for (const entry of entries) {
    const key = dayKey(entry.createdAt);
    const day = key !== null && key > currentDay ? key : null;
    if (day) currentDay = day;
    const author = authorOf(entry);
    const at = new Date(entry.createdAt).getTime();
    const time = day !== null || at - latest > TIME_GAP_MS;
    if (at > latest || Number.isNaN(latest)) latest = at;
    layout.push({ entry, day, first: day !== null || author !== previousAuthor, time });
    previousAuthor = author;
  }
  return layout;
}

/** The local calendar day of a date as `YYYY-MM-DD` (which sorts like the days), or null for no valid date. */
export function dayKey(date: string | Date): string | null {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(value.getFullYear()).padStart(4, '0')}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/**
 * A day separator's text: "Today", "Yesterday" (from the strings), else the date in the widget's
 * language by Intl, with the weekday in the current year ("Monday, March 2", "Понеділок, 2 березня")
 * and with the year before it ("March 2, 2024", "2 березня 2024 р.").
 */
export function dayLabel(key: string, now: Date, language: WidgetLanguage, strings: WidgetStrings): string {
  if (key === dayKey(now)) return strings.today;
  if (key === dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return strings.yesterday;
  const [year = 0, month = 1, date = 1] = key.split('-').map(Number);
  const day = new Date(year, month - 1, date);
  const label = day.toLocaleDateString(
    language,
    year === now.getFullYear() ? { weekday: 'long', month: 'long', day: 'numeric' } : { year: 'numeric', month: 'long', day: 'numeric' },
  );
  return label.charAt(0).toLocaleUpperCase(language) + label.slice(1);
}

/** A message's local time in the widget's language by Intl ("2:05 PM", "14:05"), or '' for no valid date. */
export function timeLabel(date: string, language: WidgetLanguage): string {
  const value = new Date(date);
  return Number.isNaN(value.getTime()) ? '' : value.toLocaleTimeString(language, { hour: 'numeric', minute: '2-digit' });
}

/** The date and time in full ("Monday, March 2, 2026 at 2:05 PM"), for a time's title. */
export function fullTimeLabel(date: string, language: WidgetLanguage): string {
  const value = new Date(date);
  return Number.isNaN(value.getTime()) ? '' : value.toLocaleString(language, { dateStyle: 'full', timeStyle: 'short' });
}

/** Milliseconds until the next local midnight (when "Today" becomes "Yesterday"). */
export function msUntilTomorrow(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
}

function authorOf(entry: ChatEntry): string {
  return `${entry.authorKind}:${entry.authorKind === 'OPERATOR' ? (entry.authorId ?? entry.authorName ?? '') : ''}`;
}
