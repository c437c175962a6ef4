'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** What the inbox shows (on a phone one at a time): the chat list, a chat, or the visitor's details. */
export type InboxView = 'list' | 'chat' | 'details';

/** History state of an entry pushed over the view one level up (back in the history goes there). */
const PUSHED = 'chatiqInboxPushed';

export function inboxHref(chatId: string | null, details = false): string {
  if (!chatId) return '/inbox';
  return `/inbox?chat=${encodeURIComponent(chatId)}${details ? '&view=details' : ''}`;
}

function pushedHere(): boolean {
  return (window.history.state as Record<string, unknown> | null)?.[PUSHED] === true;
}

/**
 * The inbox's place in the address: `/inbox` (the list), `/inbox?chat=<id>` (a chat),
 * `…&view=details` (the visitor's details). Opening a chat from the list and the details from a
 * chat are new history entries, so the browser's Back goes up a level (details → chat → list);
 * choosing another chat while one is open replaces the entry (its level stays). The URL changes
 * through the History API, which the Next.js router follows (`useSearchParams`) without a
 * request to the server.
 */
export function useInboxRoute() {
  const params = useSearchParams();
  const chatId = params.get('chat');
  const details = chatId !== null && params.get('view') === 'details';
  const view: InboxView = !chatId ? 'list' : details ? 'details' : 'chat';

  const openChat = useCallback(
    (id: string) => {
      if (id === chatId) return;
      if (chatId) window.history.replaceState({ [PUSHED]: pushedHere() }, '', inboxHref(id, details));
      else window.history.pushState({ [PUSHED]: true }, '', inboxHref(id));
    },
    [chatId, details],
  );

  const showDetails = useCallback(() => {
    if (chatId && !details) window.history.pushState({ [PUSHED]: true }, '', inboxHref(chatId, true));
  }, [chatId, details]);

  /** One level up (details → chat → list): back in the history when this entry was pushed from there, else in place (a link straight to a chat). */
  const up = useCallback(() => {
    if (!chatId) return;
    if (pushedHere()) window.history.back();
    else window.history.replaceState({ [PUSHED]: false }, '', inboxHref(details ? chatId : null));
  }, [chatId, details]);

  return { chatId, view, openChat, showDetails, up };
}
