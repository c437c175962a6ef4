'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { FieldError } from '@/lib/forms/form-messages';

/** Every zone this browser knows, plus UTC (which `supportedValuesOf` leaves out). */
function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** An IANA zone: pick from the list or type one (aliases such as Europe/Kyiv are accepted too). */
export function TimeZoneField({ value, error, onChange }: { value: string; error?: string; onChange: (zone: string) => void }) {
  const t = useTranslations('settings.hours');
  const zones = useMemo(knownTimeZones, []);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  return (
    <div className="time-zone-field">
      <label>
        {t('timezone')}
        <input
          list="time-zones"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          autoComplete="off"
          spellCheck={false}
          placeholder="Europe/Kyiv"
        />
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FieldError message={error} />
      </label>
      {browserZone && browserZone !== value && (
        <button type="button" className="link-button" onClick={() => onChange(browserZone)}>
          {t('useBrowserZone', { zone: browserZone })}
        </button>
      )}
    </div>
  );
}
