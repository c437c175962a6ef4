import type { AiDeltaPayload } from '@chatiq/contracts';

/** One answer of the assistant as it streams in. */
export interface AiStream {
  chatId: string;
  streamId: string;
  /** The pieces joined in index order, up to the first one still missing. */
  text: string;
  /** The index of the next piece that can be appended. */
  next: number;
  /** Pieces that arrived ahead of a missing one, by index. */
  held: ReadonlyMap<number, string>;
}

/** How many finished stream ids are remembered, so that late pieces of them are ignored. */
const FINISHED_MEMORY = 50;

/**
 * Adds one piece (`ai:delta`) to a stream: appended when it is the next one (with any held pieces
 * that follow it), held when it comes early, ignored when it was seen already (a duplicate or a
 * resend). Returns the stream unchanged (the same object) when nothing changed. Pure.
 */
export function addDelta(stream: AiStream | undefined, delta: AiDeltaPayload): AiStream {
  const current: AiStream = stream ?? { chatId: delta.chatId, streamId: delta.streamId, text: '', next: 0, held: new Map() };
  if (!Number.isInteger(delta.index) || delta.index < current.next || current.held.has(delta.index)) return current;
  const held = new Map(current.held);
  held.set(delta.index, delta.delta);
  let { text, next } = current;
  for (let piece = held.get(next); piece !== undefined; piece = held.get(next)) {
    text += piece;
    held.delete(next);
    next += 1;
  }
  return { ...current, text, next, held };
}

/**
 * The assistant's answers being streamed in the visitor's chats, in the order they started. A
 * stream ends with `finishStream` (the stored answer arrived, or the stream was aborted); pieces
 * of a finished stream that arrive late are ignored. Immutable: every function returns the same
 * object when nothing changed.
 */
export interface AiStreams {
  readonly active: readonly AiStream[];
  /** The last finished stream ids (at most FINISHED_MEMORY). */
  readonly finished: readonly string[];
}

export const NO_STREAMS: AiStreams = { active: [], finished: [] };

/** Adds a piece (`ai:delta`) to its stream. */
export function streamDelta(streams: AiStreams, payload: AiDeltaPayload): AiStreams {
  if (streams.finished.includes(payload.streamId)) return streams;
  const before = streams.active.find((stream) => stream.streamId === payload.streamId);
  const after = addDelta(before, payload);
  if (after === before) return streams;
  const active = before ? streams.active.map((stream) => (stream === before ? after : stream)) : [...streams.active, after];
  return { ...streams, active };
}

/** Ends a stream (its partial text goes away). */
export function finishStream(streams: AiStreams, streamId: string): AiStreams {
  const active = streams.active.filter((stream) => stream.streamId !== streamId);
  if (streams.finished.includes(streamId) && active.length === streams.active.length) return streams;
  const finished = streams.finished.includes(streamId) ? streams.finished : [...streams.finished, streamId].slice(-FINISHED_MEMORY);
  return { active, finished };
}

/** Ends every stream of a chat (e.g. its stored answer arrived as a plain message). */
export function finishChatStreams(streams: AiStreams, chatId: string): AiStreams {
  return streams.active.filter((stream) => stream.chatId === chatId).reduce((all, stream) => finishStream(all, stream.streamId), streams);
}

/**
 * Forgets partial streams without marking them finished: after a reconnect, pieces sent while
 * disconnected are lost, and the stored answer arrives with the history or `ai:done`.
 */
export function resetStreams(streams: AiStreams): AiStreams {
  return streams.active.length === 0 ? streams : { ...streams, active: [] };
}

/** The streams with text to show, in the order they started. */
export function visibleStreams(streams: AiStreams): AiStream[] {
  return streams.active.filter((stream) => stream.text !== '');
}
