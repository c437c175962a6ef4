'use client';

import { attachmentPath } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';

/** Fetches an attachment with the operator's token (the API wants it in a header, so no plain <img src>). */
export async function fetchAttachment(apiUrl: string, token: string, messageId: string): Promise<Blob> {
  const response = await fetch(`${apiUrl}${attachmentPath(messageId)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body ?? { code: 'internal_error', message: `HTTP ${response.status}` });
  }
  return response.blob();
}

/** An object URL of an attachment for previewing it (an image), revoked when no longer shown. */
export function useAttachmentObjectUrl(messageId: string, enabled: boolean): { url: string | null; failed: boolean } {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });

  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let cancelled = false;
    fetchAttachment(apiUrl, token, messageId)
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ url, failed: false });
      })
      .catch(() => {
        if (!cancelled) setState({ url: null, failed: true });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [apiUrl, token, messageId, enabled]);

  return state;
}

/** Saves an attachment under its name (fetched with the token, then through an object URL). */
export async function downloadAttachment(apiUrl: string, token: string, messageId: string, name: string): Promise<void> {
  const url = URL.createObjectURL(await fetchAttachment(apiUrl, token, messageId));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
