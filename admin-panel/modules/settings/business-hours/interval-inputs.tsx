'use client';

import type { OpeningInterval } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { FieldError } from '@/lib/forms/form-messages';
import { isOvernight } from './weekly-intervals';

/** One opening interval: two time inputs, an "overnight" note, a remove button and its problems. */
export function IntervalInputs({
  interval,
  label,
  errors,
  onChange,
  onRemove,
}: {
  interval: OpeningInterval;
  /** Names the inputs for screen readers and tests, e.g. "Monday, interval 1". */
  label: string;
  errors: readonly string[];
  onChange: (patch: Partial<OpeningInterval>) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('settings.hours');
  return (
    <div className="interval" data-testid="interval">
      <input
        type="time"
        value={interval.open}
        aria-label={t('opens', { label })}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange({ open: e.target.value })}
      />
      <span aria-hidden="true">–</span>
      <input
        type="time"
        value={interval.close}
        aria-label={t('closes', { label })}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange({ close: e.target.value })}
      />
      {interval.close === '00:00' || interval.close === '24:00' ? (
        <span className="hint">{t('untilMidnight')}</span>
      ) : isOvernight(interval) ? (
        <span className="hint overnight">{t('overnight')}</span>
      ) : null}
      <button type="button" className="link-button" onClick={onRemove} aria-label={t('removeInterval', { label })}>
        ✕
      </button>
      {errors.map((message) => (
        <FieldError key={message} message={message} />
      ))}
    </div>
  );
}
