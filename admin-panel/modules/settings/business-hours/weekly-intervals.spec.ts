import { businessHoursSettingsSchema, type WeeklyInterval } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import {
  addException,
  addInterval,
  copyDay,
  editableHours,
  intervalsOfDay,
  isOvernight,
  removeInterval,
  setExceptionClosed,
  updateInterval,
  weekdayName,
} from './weekly-intervals';

const monday = (open: string, close: string): WeeklyInterval => ({ weekday: 1, open, close });

describe('weekly intervals editing', () => {
  it('lists a day earliest first with the flat index the API names in its issues', () => {
    const weekly = [monday('14:00', '18:00'), { weekday: 2, open: '09:00', close: '17:00' }, monday('09:00', '13:00')];
    expect(intervalsOfDay(weekly, 1)).toEqual([
      { index: 2, interval: monday('09:00', '13:00') },
      { index: 0, interval: monday('14:00', '18:00') },
    ]);
    expect(intervalsOfDay(weekly, 0)).toEqual([]);
  });

  it('adds a day’s first interval and then later ones that the contract accepts', () => {
    let weekly = addInterval([], 1);
    expect(weekly).toEqual([monday('09:00', '18:00')]);
    weekly = addInterval(weekly, 1);
    expect(weekly[1]).toEqual(monday('19:00', '23:00'));
    weekly = addInterval(weekly, 1);
    expect(weekly[2]).toEqual(monday('23:00', '00:00'));
    expect(businessHoursSettingsSchema.safeParse({ timezone: 'Europe/Kyiv', weekly }).success).toBe(true);
  });

  it('updates and removes by index, leaving the others alone', () => {
    const weekly = [monday('09:00', '13:00'), monday('14:00', '18:00')];
    expect(updateInterval(weekly, 1, { close: '02:00' })).toEqual([monday('09:00', '13:00'), monday('14:00', '02:00')]);
    expect(removeInterval(weekly, 0)).toEqual([monday('14:00', '18:00')]);
    expect(weekly).toHaveLength(2);
  });

  it('copies one day’s hours over other days', () => {
    const weekly = [
      monday('09:00', '13:00'),
      monday('14:00', '18:00'),
      { weekday: 3, open: '10:00', close: '11:00' },
      { weekday: 6, open: '10:00', close: '12:00' },
    ];
    const copied = copyDay(weekly, 1, [1, 2, 3]);
    expect(intervalsOfDay(copied, 2).map((d) => d.interval)).toEqual([
      { weekday: 2, open: '09:00', close: '13:00' },
      { weekday: 2, open: '14:00', close: '18:00' },
    ]);
    expect(intervalsOfDay(copied, 3).map((d) => d.interval.open)).toEqual(['09:00', '14:00']);
    expect(intervalsOfDay(copied, 1)).toHaveLength(2);
    expect(intervalsOfDay(copied, 6)).toHaveLength(1);
  });

  it('tells overnight intervals from those that end at midnight', () => {
    expect(isOvernight({ open: '22:00', close: '02:00' })).toBe(true);
    expect(isOvernight({ open: '09:00', close: '09:00' })).toBe(true);
    expect(isOvernight({ open: '18:00', close: '00:00' })).toBe(false);
    expect(isOvernight({ open: '18:00', close: '24:00' })).toBe(false);
    expect(isOvernight({ open: '09:00', close: '17:00' })).toBe(false);
  });

  it('shows a 24:00 close as 00:00 (the same moment for the contract) and sorts exceptions by date', () => {
    const { weekly, exceptions } = editableHours(
      [monday('18:00', '24:00')],
      [
        { date: '2026-12-31', intervals: [{ open: '10:00', close: '24:00' }] },
        { date: '2026-12-25', closed: true },
      ],
    );
    expect(weekly).toEqual([monday('18:00', '00:00')]);
    expect(exceptions).toEqual([
      { date: '2026-12-25', closed: true },
      { date: '2026-12-31', intervals: [{ open: '10:00', close: '00:00' }] },
    ]);
  });

  it('adds exceptions on free dates and switches them between closed and special hours', () => {
    const list = addException(addException([], '2026-12-31'), '2026-12-31');
    expect(list.map((e) => e.date)).toEqual(['2026-12-31', '2027-01-01']);
    const special = setExceptionClosed(list[0]!, false);
    expect(special).toEqual({ date: '2026-12-31', intervals: [{ open: '10:00', close: '14:00' }] });
    expect(setExceptionClosed(special, false)).toBe(special);
    expect(setExceptionClosed(special, true)).toEqual({ date: '2026-12-31', closed: true });
    expect(businessHoursSettingsSchema.safeParse({ timezone: 'UTC', exceptions: [special, list[1]] }).success).toBe(true);
  });

  it('names weekdays in the panel’s language', () => {
    expect(weekdayName('en', 1)).toBe('Monday');
    expect(weekdayName('en', 0)).toBe('Sunday');
    expect(weekdayName('uk', 1)).toBe('понеділок');
  });
});
