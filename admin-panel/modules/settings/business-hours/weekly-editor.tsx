'use client';

import type { WeeklyInterval } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { errorAt, errorsWithin, type FieldErrors } from '@/lib/forms/field-errors';
import { FieldError } from '@/lib/forms/form-messages';
import { IntervalInputs } from './interval-inputs';
import { addInterval, copyDay, intervalsOfDay, removeInterval, updateInterval, WEEK_ORDER, weekdayName } from './weekly-intervals';

/** The weekly plan, a row per weekday (Monday first) with any number of intervals. */
export function WeeklyEditor({
  weekly,
  errors,
  onChange,
}: {
  weekly: WeeklyInterval[];
  errors: FieldErrors;
  onChange: (weekly: WeeklyInterval[]) => void;
}) {
  const t = useTranslations('settings.hours');
  const locale = useLocale();
  return (
    <fieldset className="weekly-editor">
      <legend>{t('weekly')}</legend>
      <p className="hint">{t('weeklyHint')}</p>
      <FieldError message={errorAt(errors, 'weekly')} />
      {WEEK_ORDER.map((weekday) => {
        const day = weekdayName(locale, weekday);
        const intervals = intervalsOfDay(weekly, weekday);
        return (
          <div key={weekday} className="weekday-row" data-testid={`weekday-${weekday}`}>
            <span className="weekday-name">{day}</span>
            <div className="weekday-intervals">
              {intervals.length === 0 && <span className="muted">{t('closedAllDay')}</span>}
              {intervals.map(({ index, interval }, n) => (
                <IntervalInputs
                  key={index}
                  interval={interval}
                  label={t('intervalLabel', { day, n: n + 1 })}
                  errors={errorsWithin(errors, 'weekly', index)}
                  onChange={(patch) => onChange(updateInterval(weekly, index, patch))}
                  onRemove={() => onChange(removeInterval(weekly, index))}
                />
              ))}
            </div>
            <div className="weekday-actions">
              <button type="button" onClick={() => onChange(addInterval(weekly, weekday))} aria-label={t('addIntervalTo', { day })}>
                {t('addInterval')}
              </button>
              {weekday === 1 && intervals.length > 0 && (
                <button type="button" className="link-button" onClick={() => onChange(copyDay(weekly, 1, [2, 3, 4, 5]))}>
                  {t('copyToWeekdays')}
                </button>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
