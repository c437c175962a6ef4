'use client';

import { ATTACHMENT_FILE_FIELD, type AttachmentUploadResult, type ErrorBody, type MessageDto } from '@chatiq/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { type AttachmentProblem, checkAttachment } from './attachment-check';

export type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; loaded: number; total: number }
  /** `maxBytes` with `too_large`: the server's limit when it said it. */
  | { kind: 'failed'; name: string; problem: AttachmentProblem | 'server' | 'network'; message?: string; maxBytes?: number };

/** Why the server refused, from its error body: too large, a type it does not take, or something else. */
function problemOf(status: number, body: ErrorBody | null): { problem: AttachmentProblem | 'server'; message?: string; maxBytes?: number } {
  if (status === 413 || body?.code === 'payload_too_large')
    return body?.maxBytes ? { problem: 'too_large', maxBytes: body.maxBytes } : { problem: 'too_large' };
  if (body?.code === 'validation_failed' && body.issues?.some((i) => i.path[0] === 'file'))
    return { problem: 'type', message: body.message };
  return { problem: 'server', message: body?.message ?? `HTTP ${status}` };
}

/**
 * Sends a file into the open chat (POST /chats/:chatId/attachments, multipart) with upload
 * progress; the stored message goes to `onSent`. One upload at a time; `cancel` aborts it.
 */
export function useAttachmentUpload(chatId: string, onSent: (message: MessageDto) => void) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  // Switching chats (or leaving) abandons an upload in flight.
  useEffect(() => () => xhrRef.current?.abort(), []);

  const upload = useCallback(
    (file: File) => {
      if (xhrRef.current) return;
      const problem = checkAttachment(file);
      if (problem) {
        setState({ kind: 'failed', name: file.name, problem });
        return;
      }
      const form = new FormData();
      form.append('clientId', crypto.randomUUID());
      form.append(ATTACHMENT_FILE_FIELD, file, file.name);
      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      setState({ kind: 'uploading', name: file.name, loaded: 0, total: file.size });
      xhr.upload.onprogress = (event) => {
        setState({ kind: 'uploading', name: file.name, loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
      };
      xhr.onload = () => {
        xhrRef.current = null;
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        if (xhr.status >= 200 && xhr.status < 300 && body) {
          setState({ kind: 'idle' });
          onSent((body as AttachmentUploadResult).message);
          return;
        }
        setState({ kind: 'failed', name: file.name, ...problemOf(xhr.status, body as ErrorBody | null) });
      };
      xhr.onerror = () => {
        xhrRef.current = null;
        setState({ kind: 'failed', name: file.name, problem: 'network' });
      };
      xhr.onabort = () => {
        xhrRef.current = null;
        setState({ kind: 'idle' });
      };
      xhr.open('POST', `${apiUrl}/chats/${encodeURIComponent(chatId)}/attachments`);
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.send(form);
    },
    [apiUrl, token, chatId, onSent],
  );

  const cancel = useCallback(() => xhrRef.current?.abort(), []);
  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, upload, cancel, dismiss };
}
