'use client';

import type { BusinessHoursException } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { errorAt, errorsWithin, type FieldErrors } from '@/lib/forms/field-errors';
import { FieldError } from '@/lib/forms/form-messages';
import { IntervalInputs } from './interval-inputs';
import { addException, removeInterval, setExceptionClosed } from './weekly-intervals';

const today = () => new Date().toISOString().slice(0, 10);

/** Holidays (closed all day) and days with special hours, which replace that date's weekly hours. */
export function ExceptionsEditor({
  exceptions,
  errors,
  onChange,
}: {
  exceptions: BusinessHoursException[];
  errors: FieldErrors;
  onChange: (exceptions: BusinessHoursException[]) => void;
}) {
  const t = useTranslations('settings.hours');
  const replace = (index: number, next: BusinessHoursException) => onChange(exceptions.map((e, i) => (i === index ? next : e)));

  return (
    <fieldset className="exceptions-editor">
      <legend>{t('exceptions')}</legend>
      <p className="hint">{t('exceptionsHint')}</p>
      <FieldError message={errorAt(errors, 'exceptions')} />
      {exceptions.length === 0 && <p className="muted">{t('noExceptions')}</p>}
      {exceptions.map((exception, e) => {
        const label = t('exceptionLabel', { n: e + 1 });
        // Issues on the whole entry (its shape) or on its date; interval issues go to each interval.
        const entryErrors = [
          errorAt(errors, 'exceptions', e),
          errorAt(errors, 'exceptions', e, 'date'),
          errorAt(errors, 'exceptions', e, 'intervals'),
        ];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are controlled and have no identity but their place (dates change as typed).
          <div key={e} className="exception-row" data-testid="exception">
            <label>
              {t('date')}
              <input
                type="date"
                value={exception.date}
                aria-label={t('dateOf', { label })}
                onChange={(event) => replace(e, { ...exception, date: event.target.value })}
              />
            </label>
            <label>
              {t('exceptionKind')}
              <select
                value={'intervals' in exception ? 'special' : 'closed'}
                aria-label={t('kindOf', { label })}
                onChange={(event) => replace(e, setExceptionClosed(exception, event.target.value === 'closed'))}
              >
                <option value="closed">{t('closedDay')}</option>
                <option value="special">{t('specialHours')}</option>
              </select>
            </label>
            {'intervals' in exception && (
              <div className="weekday-intervals">
                {exception.intervals.map((interval, j) => (
                  <IntervalInputs
                    // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs; an interval is its place in the list.
                    key={j}
                    interval={interval}
                    label={t('exceptionIntervalLabel', { label, n: j + 1 })}
                    errors={errorsWithin(errors, 'exceptions', e, 'intervals', j)}
                    onChange={(patch) =>
                      replace(e, { date: exception.date, intervals: exception.intervals.map((x, k) => (k === j ? { ...x, ...patch } : x)) })
                    }
                    onRemove={() =>
                      exception.intervals.length > 1
                        ? replace(e, { date: exception.date, intervals: removeInterval(exception.intervals, j) })
                        : replace(e, setExceptionClosed(exception, true))
                    }
                  />
                ))}
                <button
                  type="button"
                  onClick={() =>
                    replace(e, { date: exception.date, intervals: [...exception.intervals, { open: '15:00', close: '18:00' }] })
                  }
                >
                  {t('addInterval')}
                </button>
              </div>
            )}
            <button type="button" className="link-button danger" onClick={() => onChange(removeInterval(exceptions, e))}>
              {t('removeException', { label })}
            </button>
            {entryErrors.filter(Boolean).map((message) => (
              <FieldError key={message} message={message} />
            ))}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange(addException(exceptions, today()))}>
        {t('addException')}
      </button>
    </fieldset>
  );
}
