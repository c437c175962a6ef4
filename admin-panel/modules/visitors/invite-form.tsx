'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';

type Props = {
  visitorLabel: string;
  onInvite: (text: string) => Promise<{ chatId: string } | { error: string }>;
  onCancel: () => void;
};

/** A proactive message to one live visitor; on success, opens the chat in the inbox. */
export function InviteForm({ visitorLabel, onInvite, onCancel }: Props) {
  const t = useTranslations('visitors');
  const tc = useTranslations('common');
  const router = useRouter();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    setError(null);
    const result = await onInvite(text.trim());
    if ('chatId' in result) {
      router.push(`/inbox?chat=${encodeURIComponent(result.chatId)}`);
      return;
    }
    setError(result.error);
    setSending(false);
  }

  return (
    <form className="invite-form" onSubmit={submit} aria-label={t('inviteLabel', { visitor: visitorLabel })}>
      <label>
        {t('messageTo', { visitor: visitorLabel })}
        <textarea value={text} maxLength={5000} rows={2} onChange={(e) => setText(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="invite-actions">
        <button type="submit" className="primary" disabled={sending || !text.trim()}>
          {t('sendMessage')}
        </button>
        <button type="button" onClick={onCancel} disabled={sending}>
          {tc('cancel')}
        </button>
      </div>
    </form>
  );
}
