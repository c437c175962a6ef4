'use client';

import { useTranslations } from 'next-intl';

/**
 * "Rotate this secret?" with the consequences spelled out, for a site's secrets (the API key, the
 * identity secret): the texts come from `namespace` (confirmTitle, confirmText, confirmRotate,
 * rotating).
 */
export function RotateConfirm({
  namespace,
  busy,
  onConfirm,
  onCancel,
}: {
  namespace: 'sites.apiKey' | 'sites.identity';
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations('common');
  return (
    <fieldset className="confirm">
      <legend>{t('confirmTitle')}</legend>
      <p>{t('confirmText')}</p>
      <div className="form-actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('rotating') : t('confirmRotate')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {tc('cancel')}
        </button>
      </div>
    </fieldset>
  );
}
