import { ApiError } from '@/lib/api/api-client';

/**
 * Fetches a chat's transcript with the bearer token (its times in this browser's time zone) and
 * saves it through an object URL.
 */
export async function downloadTranscript(apiUrl: string, token: string, chatId: string): Promise<void> {
  const query = new URLSearchParams({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const response = await fetch(`${apiUrl}/chats/${encodeURIComponent(chatId)}/transcript?${query}`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body ?? { code: 'internal_error', message: `HTTP ${response.status}` });
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `chat-${chatId}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
