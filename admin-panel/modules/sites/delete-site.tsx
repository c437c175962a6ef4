'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { FormError } from '@/lib/forms/form-messages';

/** Deletes a site with everything in it (OWNER only), after the owner types the site's name. */
export function DeleteSite({ site, onDeleted }: { site: { id: string; name: string }; onDeleted: () => void }) {
  const t = useTranslations('sites.delete');
  const tc = useTranslations('common');
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const matches = typed.trim() === site.name;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setFailure(null);
    try {
      await api(`/sites/${encodeURIComponent(site.id)}`, { method: 'DELETE' });
      onDeleted();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <section className="site-section danger-zone" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <p className="muted">{t('warning')}</p>
      {confirming ? (
        <form className="stack" onSubmit={onSubmit} aria-label={t('confirmTitle')}>
          <label>
            {t('typeName', { name: site.name })}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <div className="form-actions">
            <button type="submit" className="danger" disabled={!matches || busy}>
              {busy ? t('deleting') : t('confirm')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setTyped('');
              }}
            >
              {tc('cancel')}
            </button>
          </div>
          <FormError error={failure} />
        </form>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('start')}
        </button>
      )}
    </section>
  );
}
