import type {
  AiAbortedPayload,
  AiChatState,
  AiDeltaPayload,
  AiDonePayload,
  AiHandoffPayload,
  BusinessStatusPayload,
  ChatStatusPayload,
  MessageDto,
  ReadEventPayload,
} from '@chatiq/contracts';
import { isRetryableError } from '@chatiq/contracts/protocol';
import type { WidgetLanguage } from '../config.js';
import { type AiStreams, finishChatStreams, finishStream, NO_STREAMS, resetStreams, streamDelta, visibleStreams } from './ai-stream.js';
import { type ChatEntry, markFailed, mergeMessages, pendingEntry, pendingUploadEntry, updatePending } from './message-merge.js';
import { applyReadReceipts, closedChatAfter, newestSeq, recordReceipt } from './receipts.js';

/**
 * Everything the widget knows about the visitor's chat, as plain data: no DOM, no socket, no
 * timer. `chatReducer` is the only way it changes (one action per thing that happened); the
 * controller (chat-controller.ts) feeds it what the connection, the view and the page report and
 * draws what changed. Unchanged parts keep their identity, so the controller compares by `!==`.
 */
export interface ChatState {
  /** The messages in order: stored ones merged by id, then the visitor's own on their way or refused. */
  readonly entries: readonly ChatEntry[];
  /** The visitor's current chat (from the last join or the newest stored message). */
  readonly chatId: string | null;
  /** Replies (operator, assistant, system) that arrived while the visitor was not reading. */
  readonly unread: number;
  /** The panel is open in a visible tab: what arrives is read at once. */
  readonly reading: boolean;
  /** The last `visitor:read` sent, so the same receipt is not sent twice. */
  readonly readSent: { readonly chatId: string; readonly seq: number } | null;
  /** chatId → the highest seq the operator has read (`message:read` by the operator). */
  readonly operatorRead: ReadonlyMap<string, number>;
  /** The chat a `chat:status` said was resolved (see `showsClosedNotice`). */
  readonly closedChatId: string | null;
  /** Who of the operators is typing, or null. */
  readonly operatorTyping: string | null;
  /** The assistant is preparing an answer (before its first piece). */
  readonly aiTyping: boolean;
  readonly streams: AiStreams;
  /** Who answers the chat, as the last `ai:handoff` said (null: the assistant never handed it over). */
  readonly aiState: AiChatState | null;
  /** The last `business:status` (null before the server said). */
  readonly business: BusinessStatusPayload | null;
  /** The last `team:presence`: someone of the team can answer (null before the server said). */
  readonly staffed: boolean | null;
  /** The email the visitor gave in this page with the off-hours prompt (it then gives way to a confirmation). */
  readonly leftEmail: string | null;
  /** The email the visitor gave in this page (off-hours prompt, transcript form). */
  readonly knownEmail: string | null;
  /** The server has an email of the visitor's (the join said so, or they gave one here): never asked again. */
  readonly emailKnown: boolean;
  /** The visitor said "Not now" to the off-hours prompt: not asked again in this page. */
  readonly emailSkipped: boolean;
  readonly language: WidgetLanguage;
  /** The page chose the language (the embed or `setLocale`): the site's settings no longer change it. */
  readonly languageFixed: boolean;
}

export type ChatAction =
  /**
   * A successful `visitor:join` (after every reconnect); its history was there before this page
   * when `first`. The visitor's messages refused for a reason that may pass are on their way again.
   */
  | { type: 'joined'; chatId: string | null; messages: readonly MessageDto[]; first: boolean; emailKnown?: boolean }
  /** Stored messages: live events, acknowledgements, an upload's answer. `live`: they arrived while the page was open. */
  | { type: 'stored'; messages: readonly MessageDto[]; live: boolean }
  /** The visitor wrote a message (shown at once, on its way). */
  | { type: 'written'; clientId: string; text: string; at: string }
  /** The server refused one of the visitor's messages. */
  | { type: 'sendFailed'; clientId: string; code: string }
  /** The visitor's message is on its way again (by hand, or after a reconnect). */
  | { type: 'resent'; clientId: string }
  /** The visitor dropped their refused message or file. */
  | { type: 'removed'; clientId: string }
  /** The visitor picked, dropped or pasted a file (shown at once). */
  | { type: 'fileAdded'; clientId: string; name: string; size: number; at: string }
  /** A file's upload (re)started or went on: how much was sent, 0…1. */
  | { type: 'uploading'; clientId: string; name: string; size: number; progress: number }
  /** A file's upload failed: the reason shown under it, and whether sending it again could work. */
  | { type: 'uploadFailed'; clientId: string; error: string; retryable: boolean }
  /** The panel opened (`opened`: every reply counts as seen) or closed, the tab became visible or hidden. */
  | { type: 'reading'; reading: boolean; opened?: boolean }
  /** `visitor:read` was sent. */
  | { type: 'readSent'; chatId: string; seq: number }
  | { type: 'receipt'; receipt: ReadEventPayload }
  | { type: 'chatStatus'; status: ChatStatusPayload }
  /** An operator of the current chat is typing (their name), or no longer (null). */
  | { type: 'operatorTyping'; name: string | null }
  | { type: 'aiTyping'; chatId: string }
  /** Nothing came of the assistant's "is typing…" for too long. */
  | { type: 'aiTypingOver' }
  | { type: 'aiDelta'; delta: AiDeltaPayload }
  | { type: 'aiDone'; done: AiDonePayload }
  | { type: 'aiAborted'; aborted: AiAbortedPayload }
  | { type: 'aiHandoff'; handoff: AiHandoffPayload }
  | { type: 'business'; status: BusinessStatusPayload }
  | { type: 'staffed'; staffed: boolean }
  /** The visitor gave their email (`left`: with the off-hours prompt). */
  | { type: 'email'; email: string; left: boolean }
  /** The visitor dismissed the off-hours prompt. */
  | { type: 'emailSkipped' }
  | { type: 'language'; language: WidgetLanguage; fixed: boolean }
  /** The admin panel's preview: a sample conversation, the team online. */
  | { type: 'sample'; messages: readonly MessageDto[] };

export function initialChatState(language: WidgetLanguage, languageFixed: boolean): ChatState {
  return {
    entries: [],
    chatId: null,
    unread: 0,
    reading: false,
    readSent: null,
    operatorRead: new Map(),
    closedChatId: null,
    operatorTyping: null,
    aiTyping: false,
    streams: NO_STREAMS,
    aiState: null,
    business: null,
    staffed: null,
    leftEmail: null,
    knownEmail: null,
    emailKnown: false,
    emailSkipped: false,
    language,
    languageFixed,
  };
}

/** The state after `action`. Pure: never mutates `state`, and returns it as it is when nothing changed. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'joined': {
      // Pieces streamed while disconnected are lost: the stored answer comes with the history or ai:done.
      const emailKnown = state.emailKnown || action.emailKnown === true;
      const joined = { ...state, chatId: action.chatId, streams: resetStreams(state.streams), emailKnown };
      const resent = state.entries.some(isRetriedAfterJoin)
        ? withEntries(
            joined,
            state.entries.map((entry) => (isRetriedAfterJoin(entry) ? { ...entry, status: 'pending' as const } : entry)),
          )
        : joined;
      return addStored(resent, action.messages);
    }
    case 'stored':
      return addStored(state, action.messages);
    case 'written':
      return withEntries(state, [...state.entries, pendingEntry(action.clientId, action.text, action.at)]);
    case 'sendFailed':
      return withEntries(state, markFailed(state.entries, action.clientId, isRetryableError(action.code)));
    case 'resent':
      return withEntries(
        state,
        updatePending(state.entries, action.clientId, { status: 'pending', error: undefined, retryable: undefined }),
      );
    case 'removed':
      return withEntries(
        state,
        state.entries.filter((entry) => entry.id !== null || entry.clientId !== action.clientId),
      );
    case 'fileAdded':
      return withEntries(state, [...state.entries, pendingUploadEntry(action.clientId, action, action.at)]);
    case 'uploading': {
      const upload = { name: action.name, size: action.size, progress: action.progress };
      return withEntries(
        state,
        updatePending(state.entries, action.clientId, { status: 'pending', error: undefined, retryable: undefined, upload }),
      );
    }
    case 'uploadFailed':
      return withEntries(
        state,
        updatePending(state.entries, action.clientId, { status: 'failed', error: action.error, retryable: action.retryable }),
      );
    case 'reading': {
      const unread = action.reading || action.opened ? 0 : state.unread;
      return state.reading === action.reading && state.unread === unread ? state : { ...state, reading: action.reading, unread };
    }
    case 'readSent':
      return { ...state, readSent: { chatId: action.chatId, seq: action.seq } };
    case 'receipt': {
      const { receipt } = action;
      if (receipt.by !== 'operator') return state;
      const operatorRead = recordReceipt(state.operatorRead, receipt.chatId, receipt.seq);
      return operatorRead === state.operatorRead ? state : withEntries({ ...state, operatorRead }, state.entries);
    }
    case 'chatStatus': {
      const { status } = action;
      const closedChatId = closedChatAfter(state.closedChatId, state.chatId, status);
      if (status.status === 'RESOLVED' && status.chatId === state.chatId) {
        return { ...state, closedChatId, operatorTyping: null, aiTyping: false, aiState: null };
      }
      return closedChatId === state.closedChatId ? state : { ...state, closedChatId };
    }
    case 'operatorTyping':
      return state.operatorTyping === action.name ? state : { ...state, operatorTyping: action.name };
    case 'aiTyping':
      return isCurrentChat(state, action.chatId) ? withAiTyping(state, true) : state;
    case 'aiTypingOver':
      return withAiTyping(state, false);
    case 'aiDelta': {
      if (!isCurrentChat(state, action.delta.chatId)) return state;
      const streams = streamDelta(state.streams, action.delta);
      if (streams === state.streams) return state;
      // Once the bubble shows the answer coming in, "is typing…" goes.
      const shown = visibleText(streams, action.delta.streamId) !== visibleText(state.streams, action.delta.streamId);
      return { ...state, streams, aiTyping: shown ? false : state.aiTyping };
    }
    case 'aiDone':
      // The stored message replaces the bubble at once (merged by id with admin:message).
      return addStored({ ...state, streams: finishStream(state.streams, action.done.streamId), aiTyping: false }, [action.done.message]);
    case 'aiAborted':
      return { ...withAiTyping(state, false), streams: finishStream(state.streams, action.aborted.streamId) };
    case 'aiHandoff': {
      const { handoff } = action;
      if (!isCurrentChat(state, handoff.chatId)) return state;
      return { ...state, aiState: handoff.state, aiTyping: handoff.state === 'AI' ? state.aiTyping : false };
    }
    case 'business':
      return { ...state, business: action.status };
    case 'staffed':
      return state.staffed === action.staffed ? state : { ...state, staffed: action.staffed };
    case 'email':
      return { ...state, knownEmail: action.email, emailKnown: true, leftEmail: action.left ? action.email : state.leftEmail };
    case 'emailSkipped':
      return state.emailSkipped ? state : { ...state, emailSkipped: true };
    case 'language':
      if (state.language === action.language && (state.languageFixed || !action.fixed)) return state;
      return { ...state, language: action.language, languageFixed: state.languageFixed || action.fixed };
    case 'sample':
      return {
        ...withEntries(state, mergeMessages([], action.messages)),
        chatId: action.messages[0]?.chatId ?? null,
        business: { online: true, nextChangeAt: null, offHoursMessage: null },
        staffed: true,
      };
  }
}

/**
 * Stored messages into the list: merged by id (a visitor's pending copy is replaced by its stored
 * one), a stored answer of the assistant ends its stream and its "is typing…", an operator's reply
 * ends their "is typing…" and a wait for a person, and replies count as unread unless the visitor
 * is reading.
 */
function addStored(state: ChatState, messages: readonly MessageDto[]): ChatState {
  if (messages.length === 0) return state;
  const replies = newReplies(state, messages);
  let streams = state.streams;
  for (const message of messages) if (message.authorKind === 'AI') streams = finishChatStreams(streams, message.chatId);
  const fromOperator = messages.some((message) => message.authorKind === 'OPERATOR');
  return withEntries(
    {
      ...state,
      chatId: messages[messages.length - 1]?.chatId ?? state.chatId,
      streams,
      aiTyping: messages.some((message) => message.authorKind === 'AI') ? false : state.aiTyping,
      aiState: fromOperator && state.aiState === 'WAITING_FOR_HUMAN' ? 'HUMAN' : state.aiState, // a person answered
      operatorTyping: replies.some((message) => message.authorKind === 'OPERATOR') ? null : state.operatorTyping, // the reply they were typing
      unread: state.reading ? 0 : state.unread + replies.length,
    },
    mergeMessages(state.entries, messages),
  );
}

/** The entries with the operator's read receipts applied. */
function withEntries(state: ChatState, entries: readonly ChatEntry[]): ChatState {
  return { ...state, entries: applyReadReceipts(entries, state.operatorRead) };
}

/** A message of the visitor (not a file) refused for a reason that may pass: a join sends it again. */
function isRetriedAfterJoin(entry: ChatEntry): boolean {
  return entry.id === null && entry.status === 'failed' && !entry.upload && entry.retryable !== false;
}

function withAiTyping(state: ChatState, aiTyping: boolean): ChatState {
  return state.aiTyping === aiTyping ? state : { ...state, aiTyping };
}

function visibleText(streams: AiStreams, streamId: string): string {
  return visibleStreams(streams).find((stream) => stream.streamId === streamId)?.text ?? '';
}

// ---- selectors --------------------------------------------------------------------------------

/** Events of another chat than the visitor's current one (an old tab's) are not shown. */
export function isCurrentChat(state: ChatState, chatId: string): boolean {
  return state.chatId === null || chatId === state.chatId;
}

/**
 * The messages an action brings that arrived while this page was open (not the conversation's
 * history at the first join): the page hears of the new replies among them (`message`).
 */
export function liveMessages(action: ChatAction): readonly MessageDto[] {
  if (action.type === 'stored' && action.live) return action.messages;
  if (action.type === 'joined' && !action.first) return action.messages;
  if (action.type === 'aiDone') return [action.done.message];
  return [];
}

/** Replies (not the visitor's own) among `messages` that the widget does not have yet: what the page hears of (`message`). */
export function newReplies(state: ChatState, messages: readonly MessageDto[]): MessageDto[] {
  const known = new Set(state.entries.map((entry) => entry.id));
  return messages.filter((message) => message.authorKind !== 'VISITOR' && !known.has(message.id));
}

/** The visitor has written in the conversation shown (a message on its way counts). */
export function visitorWrote(state: ChatState): boolean {
  return state.entries.some((entry) => entry.authorKind === 'VISITOR');
}

/** The `visitor:read` to send now (the visitor is reading and has seen something newer), or null. */
export function readToSend(state: ChatState): { chatId: string; seq: number } | null {
  const { chatId, readSent } = state;
  const seq = newestSeq(state.entries, chatId);
  if (!state.reading || chatId === null || seq === null) return null;
  if (readSent?.chatId === chatId && readSent.seq >= seq) return null;
  return { chatId, seq };
}

/**
 * The visitor's messages to send (again) after a join, in the order written: those not
 * acknowledged yet, and those refused for a reason that may pass (the contract's retry rule,
 * `isRetryableError`). A message refused for good waits for the visitor (remove it). Files are
 * not messages: their uploads are retried by hand.
 */
export function unsentMessages(state: ChatState): { clientId: string; text: string }[] {
  const unsent: { clientId: string; text: string }[] = [];
  for (const entry of state.entries) {
    if (entry.id !== null || entry.clientId === null || entry.upload) continue;
    if (entry.status === 'pending' || isRetriedAfterJoin(entry)) unsent.push({ clientId: entry.clientId, text: entry.text });
  }
  return unsent;
}
