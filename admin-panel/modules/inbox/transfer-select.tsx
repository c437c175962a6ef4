'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useAssignees } from './use-assignees';

type Props = {
  chat: ChatSummaryDto;
  disabled: boolean;
  onTransfer: (operatorId: string) => void;
};

/** Hands the chat to a colleague (`chat:assign` with their id); hidden when nobody else can take it. */
export function TransferSelect({ chat, disabled, onTransfer }: Props) {
  const t = useTranslations('inbox.header');
  const id = useId();
  const assignees = useAssignees(chat);
  if (assignees.length === 0) return null;
  return (
    <span className="transfer">
      <label htmlFor={id} className="visually-hidden">
        {t('transferTo')}
      </label>
      <select
        id={id}
        value=""
        disabled={disabled}
        onChange={(event) => {
          if (event.target.value) onTransfer(event.target.value);
        }}
      >
        <option value="">{t('transferPlaceholder')}</option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </span>
  );
}
