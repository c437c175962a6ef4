import type { MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { type AiStream, type AiStreamEvent, aiStreamText, reduceAiStream } from './ai-stream';

const chatId = 'chat1';
const delta = (index: number, text: string, streamId = 's1'): AiStreamEvent => ({
  type: 'delta',
  payload: { chatId, streamId, index, delta: text },
});
const run = (events: AiStreamEvent[], start: AiStream | null = null) => events.reduce(reduceAiStream, start);

describe('reduceAiStream / aiStreamText', () => {
  it('shows typing before the first piece, then the pieces joined in order', () => {
    const typing = run([{ type: 'typing', payload: { chatId } }]);
    expect(typing).not.toBeNull();
    expect(aiStreamText(typing)).toBe('');
    expect(aiStreamText(run([delta(0, 'Hello'), delta(1, ', '), delta(2, 'world')], typing))).toBe('Hello, world');
  });

  it('orders pieces by index and holds back text after a missing piece until it arrives', () => {
    const early = run([delta(0, 'A'), delta(2, 'C'), delta(3, 'D')]);
    expect(aiStreamText(early)).toBe('A');
    expect(aiStreamText(reduceAiStream(early, delta(1, 'B')))).toBe('ABCD');
    expect(aiStreamText(run([delta(1, 'world'), delta(0, 'hello ')]))).toBe('hello world');
  });

  it('ignores a repeated piece and a bad index', () => {
    expect(aiStreamText(run([delta(0, 'one'), delta(0, 'ONE'), delta(1, ' two'), delta(-1, 'x'), delta(1.5, 'y')]))).toBe('one two');
  });

  it('starts over when a delta of another stream arrives', () => {
    const state = run([delta(0, 'old'), delta(1, ' text'), delta(0, 'new', 's2')]);
    expect(state?.streamId).toBe('s2');
    expect(aiStreamText(state)).toBe('new');
  });

  it('ends on done or aborted of the stream shown, not of another one', () => {
    const streaming = run([delta(0, 'Hi')]);
    const message = { id: 'm1' } as MessageDto;
    expect(reduceAiStream(streaming, { type: 'done', payload: { chatId, streamId: 's1', message } })).toBeNull();
    expect(reduceAiStream(streaming, { type: 'aborted', payload: { chatId, streamId: 's1', reason: 'operator_takeover' } })).toBeNull();
    expect(reduceAiStream(streaming, { type: 'aborted', payload: { chatId, streamId: 'other', reason: 'ai_error' } })).toBe(streaming);
    // Typing without any delta yet ends with whichever stream ends.
    const typing = run([{ type: 'typing', payload: { chatId } }]);
    expect(reduceAiStream(typing, { type: 'aborted', payload: { chatId, streamId: 'x', reason: 'ai_error' } })).toBeNull();
    expect(reduceAiStream(null, { type: 'done', payload: { chatId, streamId: 's1', message } })).toBeNull();
  });
});
