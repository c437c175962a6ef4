import type { AiAbortedPayload, AiDeltaPayload, AiDonePayload, AiTypingPayload } from '@chatiq/contracts';

/**
 * The AI's answer as it streams into the open chat: `ai:typing` shows that it started, each
 * `ai:delta` carries a piece with its `index` in the stream, `ai:done` (the stored message takes
 * its place) or `ai:aborted` (nothing was stored) ends it.
 */
export type AiStream = {
  /** Null until the first delta names the stream (after `ai:typing` only). */
  streamId: string | null;
  /** Pieces by index; a hole is a piece not received (yet). */
  pieces: (string | undefined)[];
};

export type AiStreamEvent =
  | { type: 'typing'; payload: AiTypingPayload }
  | { type: 'delta'; payload: AiDeltaPayload }
  | { type: 'done'; payload: AiDonePayload }
  | { type: 'aborted'; payload: AiAbortedPayload };

/** The next state of one chat's stream (null: nothing streaming). */
export function reduceAiStream(state: AiStream | null, event: AiStreamEvent): AiStream | null {
  switch (event.type) {
    case 'typing':
      return state ?? { streamId: null, pieces: [] };
    case 'delta': {
      const { streamId, index, delta } = event.payload;
      if (!Number.isInteger(index) || index < 0) return state;
      // A delta of another stream starts over: the old one ended without us hearing of it.
      const current = state && (state.streamId === null || state.streamId === streamId) ? state : null;
      if (current?.pieces[index] !== undefined) return current; // a repeat
      const pieces = current ? [...current.pieces] : [];
      pieces[index] = delta;
      return { streamId, pieces };
    }
    case 'done':
    case 'aborted':
      // Only the end of the stream shown (or of the one that has not named itself yet).
      if (!state || (state.streamId !== null && state.streamId !== event.payload.streamId)) return state;
      return null;
  }
}

/** The text so far: the pieces in index order up to the first one missing. */
export function aiStreamText(state: AiStream | null): string {
  if (!state) return '';
  let text = '';
  for (let i = 0; i < state.pieces.length; i++) {
    const piece = state.pieces[i];
    if (piece === undefined) break;
    text += piece;
  }
  return text;
}
