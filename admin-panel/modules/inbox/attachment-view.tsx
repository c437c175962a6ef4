'use client';

import { type AttachmentDto, attachmentPath, isInlineAttachmentType } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type MouseEvent, useState } from 'react';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { downloadAttachment, useAttachmentObjectUrl } from './use-attachment-blob';
import { useLocalFormat } from './use-local-format';

function PaperclipIcon() {
  return (
    <svg className="paperclip" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A message's file: images shown inline (click to save), anything else as a download link. */
export function AttachmentView({ messageId, attachment }: { messageId: string; attachment: AttachmentDto }) {
  const t = useTranslations('inbox.attachments');
  const format = useLocalFormat();
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const inline = isInlineAttachmentType(attachment.type);
  const preview = useAttachmentObjectUrl(messageId, inline);
  const [failed, setFailed] = useState(false);

  async function save(event: MouseEvent) {
    event.preventDefault();
    setFailed(false);
    try {
      await downloadAttachment(apiUrl, token, messageId, attachment.name);
    } catch {
      setFailed(true);
    }
  }

  const href = `${apiUrl}${attachmentPath(messageId)}`;
  return (
    <span className="attachment" data-testid="attachment" data-type={attachment.type}>
      {inline && preview.url && (
        <a href={href} onClick={save} title={t('download', { name: attachment.name })}>
          {/* biome-ignore lint/performance/noImgElement: a blob URL of a download made with the token; next/image cannot fetch it */}
          <img src={preview.url} alt={attachment.name} className="attachment-image" data-testid="attachment-image" />
        </a>
      )}
      {inline && !preview.url && !preview.failed && <span className="muted attachment-loading">{t('loadingPreview')}</span>}
      <a href={href} onClick={save} className="attachment-link" data-testid="attachment-link" download={attachment.name}>
        <PaperclipIcon />
        {attachment.name}
        <span className="muted"> · {format.bytes(attachment.size)}</span>
      </a>
      {(failed || preview.failed) && (
        <span role="alert" className="error">
          {t('downloadFailed')}
        </span>
      )}
    </span>
  );
}
