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

/** The chat and view in the address now (read at the time of a key press: the render may not have caught up with the last one). */
export function currentInboxPlace(): { chatId: string | null; details: boolean } {
  const params = new URLSearchParams(window.location.search);
  const chatId = params.get('chat');
  return { chatId, details: chatId !== null && params.get('view') === 'details' };
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

  const openChat = useCallback((id: string) => {
    const now = currentInboxPlace();
    if (id === now.chatId) return;
    if (now.chatId) window.history.replaceState({ [PUSHED]: pushedHere() }, '', inboxHref(id, now.details));
    else window.history.pushState({ [PUSHED]: true }, '', inboxHref(id));
  }, []);

  const showDetails = useCallback(() => {
    const now = currentInboxPlace();
    if (now.chatId && !now.details) window.history.pushState({ [PUSHED]: true }, '', inboxHref(now.chatId, true));
  }, []);

  /** One level up (details → chat → list): back in the history when this entry was pushed from there, else in place (a link straight to a chat). */
  const up = useCallback(() => {
    const now = currentInboxPlace();
    if (!now.chatId) return;
    if (pushedHere()) window.history.back();
    else window.history.replaceState({ [PUSHED]: false }, '', inboxHref(now.details ? now.chatId : null));
  }, []);

  return { chatId, view, openChat, showDetails, up };
}
