'use client';

import { snoozeUntilSchema } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIssueText } from '@/lib/forms/use-error-text';
import { formatWakeTime, isoToLocalInput, localInputToIso, snoozePresets } from './snooze-presets';

type Props = {
  disabled: boolean;
  /** Snoozes the chat until this ISO instant; true once the server took it. */
  onSnooze: (until: string) => Promise<boolean>;
};

/**
 * The chat header's "Snooze" menu: presets (1 hour, 3 hours, tomorrow 9:00, next Monday 9:00 on
 * the operator's clock, each with the time it means) and a date and time of the operator's
 * choosing, checked with the contract's rule (in the future, within a year) before it is sent.
 */
export function SnoozeMenu({ disabled, onSnooze }: Props) {
  const t = useTranslations('inbox.snooze');
  const locale = useLocale();
  const issueText = useIssueText();
  const menuId = useId();
  const inputId = useId();
  const errorId = useId();
  const [openedAt, setOpenedAt] = useState<Date | null>(null);
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const presets = useMemo(() => (openedAt ? snoozePresets(openedAt, timeZone) : []), [openedAt, timeZone]);

  useEffect(() => {
    if (!openedAt) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpenedAt(null);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [openedAt]);

  function toggle() {
    if (openedAt) return setOpenedAt(null);
    const now = new Date();
    setOpenedAt(now);
    setProblem(null);
    // The custom time starts at the "tomorrow" preset, a typical pick.
    setCustom(isoToLocalInput(snoozePresets(now, timeZone)[2]!.until, timeZone));
  }

  async function snooze(until: string) {
    const checked = snoozeUntilSchema.safeParse(until);
    if (!checked.success) {
      setProblem(issueText(checked.error.issues[0]?.message ?? ''));
      return;
    }
    setBusy(true);
    const done = await onSnooze(checked.data);
    setBusy(false);
    if (done) setOpenedAt(null);
  }

  function submitCustom(event: FormEvent) {
    event.preventDefault();
    const iso = localInputToIso(custom, timeZone);
    if (!iso) return setProblem(t('invalid'));
    void snooze(iso);
  }

  return (
    <div className="snooze" ref={root}>
      <button
        type="button"
        aria-expanded={openedAt !== null}
        aria-controls={openedAt ? menuId : undefined}
        disabled={disabled}
        onClick={toggle}
        data-testid="snooze-button"
      >
        {t('button')}
      </button>
      {openedAt && (
        <div className="snooze-menu" id={menuId} data-testid="snooze-menu">
          <ul>
            {presets.map((preset) => (
              <li key={preset.key}>
                <button
                  type="button"
                  disabled={busy}
                  data-testid={`snooze-${preset.key}`}
                  onClick={() => void snooze(preset.until.toISOString())}
                >
                  <span>{t(`preset.${preset.key}`)}</span>
                  <time className="muted" dateTime={preset.until.toISOString()}>
                    {formatWakeTime(preset.until, openedAt, locale, timeZone)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
          <form className="snooze-custom" onSubmit={submitCustom} noValidate>
            <label htmlFor={inputId}>{t('custom')}</label>
            <input
              id={inputId}
              type="datetime-local"
              value={custom}
              min={isoToLocalInput(openedAt, timeZone)}
              onChange={(event) => {
                setCustom(event.target.value);
                setProblem(null);
              }}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              data-testid="snooze-custom-input"
            />
            <button type="submit" disabled={busy} data-testid="snooze-custom-submit">
              {t('submit')}
            </button>
            {problem && (
              <p id={errorId} role="alert" className="error">
                {problem}
              </p>
            )}
          </form>
        </div>
      )}
    </div>
  );
}
