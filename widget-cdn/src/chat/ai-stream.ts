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
 * The assistant's answers being streamed in the visitor's chats, by stream id. A stream ends with
 * `finish` (the stored answer arrived, or the stream was aborted); pieces of a finished stream
 * that arrive late are ignored.
 */
export class AiStreams {
  private readonly streams = new Map<string, AiStream>();
  private readonly finished: string[] = [];

  /** Adds a piece; true when the visible text of the stream changed. */
  delta(payload: AiDeltaPayload): boolean {
    if (this.finished.includes(payload.streamId)) return false;
    const before = this.streams.get(payload.streamId);
    const after = addDelta(before, payload);
    if (after === before) return false;
    this.streams.set(payload.streamId, after);
    return after.text !== (before?.text ?? '');
  }

  /** Ends a stream (its partial text goes away); true when it was being shown. */
  finish(streamId: string): boolean {
    if (!this.finished.includes(streamId)) {
      this.finished.push(streamId);
      if (this.finished.length > FINISHED_MEMORY) this.finished.shift();
    }
    return this.streams.delete(streamId);
  }

  /** Ends every stream of a chat (e.g. its stored answer arrived as a plain message). */
  finishChat(chatId: string): boolean {
    let removed = false;
    for (const stream of [...this.streams.values()]) {
      if (stream.chatId === chatId) removed = this.finish(stream.streamId) || removed;
    }
    return removed;
  }

  /**
   * Forgets partial streams without marking them finished: after a reconnect, pieces sent while
   * disconnected are lost, and the stored answer arrives with the history or `ai:done`.
   */
  reset(): boolean {
    const had = this.streams.size > 0;
    this.streams.clear();
    return had;
  }

  /** The streams with text to show, in the order they started. */
  visible(): AiStream[] {
    return [...this.streams.values()].filter((stream) => stream.text !== '');
  }

  has(chatId: string): boolean {
    return [...this.streams.values()].some((stream) => stream.chatId === chatId);
  }
}
