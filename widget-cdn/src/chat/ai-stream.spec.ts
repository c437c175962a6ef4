import type { AiDeltaPayload } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import {
  type AiStream,
  type AiStreams,
  addDelta,
  finishChatStreams,
  finishStream,
  NO_STREAMS,
  resetStreams,
  streamDelta,
  visibleStreams,
} from './ai-stream.js';

const piece = (index: number, delta: string, streamId = 's1', chatId = 'c1'): AiDeltaPayload => ({ chatId, streamId, index, delta });

function assemble(pieces: AiDeltaPayload[]): AiStream | undefined {
  let stream: AiStream | undefined;
  for (const p of pieces) stream = addDelta(stream, p);
  return stream;
}

describe('addDelta', () => {
  it('appends pieces in index order', () => {
    const stream = assemble([piece(0, 'Hel'), piece(1, 'lo, '), piece(2, 'world')]);
    expect(stream).toMatchObject({ chatId: 'c1', streamId: 's1', text: 'Hello, world', next: 3 });
    expect(stream?.held.size).toBe(0);
  });

  it('holds a piece that comes early and appends it once the gap is filled', () => {
    const early = assemble([piece(0, 'A'), piece(2, 'C'), piece(3, 'D')]);
    expect(early?.text).toBe('A');
    expect([...(early?.held.keys() ?? [])]).toEqual([2, 3]);
    const filled = addDelta(early, piece(1, 'B'));
    expect(filled.text).toBe('ABCD');
    expect(filled.next).toBe(4);
    expect(filled.held.size).toBe(0);
  });

  it('shows nothing while the first piece is missing', () => {
    expect(assemble([piece(1, 'world'), piece(2, '!')])?.text).toBe('');
    expect(assemble([piece(2, '!'), piece(1, 'world'), piece(0, 'Hello ')])?.text).toBe('Hello world!');
  });

  it('ignores duplicates, appended or held, returning the same stream', () => {
    const stream = assemble([piece(0, 'A'), piece(2, 'C')])!;
    expect(addDelta(stream, piece(0, 'A'))).toBe(stream);
    expect(addDelta(stream, piece(2, 'X'))).toBe(stream);
    expect(addDelta(addDelta(stream, piece(1, 'B')), piece(1, 'B')).text).toBe('ABC');
  });

  it('ignores a piece with a broken index', () => {
    const stream = assemble([piece(0, 'A')])!;
    expect(addDelta(stream, piece(-1, 'x'))).toBe(stream);
    expect(addDelta(stream, piece(1.5, 'x'))).toBe(stream);
  });

  it('never mutates the stream it was given', () => {
    const stream = assemble([piece(0, 'A'), piece(2, 'C')])!;
    addDelta(stream, piece(1, 'B'));
    expect(stream.text).toBe('A');
    expect(stream.held.size).toBe(1);
  });

  it('joins any order of the same pieces into the same text', () => {
    const words = ['The ', 'quick ', 'brown ', 'fox ', 'jumps'];
    const pieces = words.map((w, i) => piece(i, w));
    for (let round = 0; round < 20; round++) {
      const shuffled = [...pieces].sort(() => Math.random() - 0.5);
      const withDuplicates = [...shuffled, ...shuffled.slice(0, 2)];
      expect(assemble(withDuplicates)?.text).toBe(words.join(''));
    }
  });
});

describe('AiStreams', () => {
  const texts = (streams: AiStreams) => visibleStreams(streams).map((s) => s.text);

  it('shows a stream once its first piece is there, and is unchanged by a duplicate', () => {
    const held = streamDelta(NO_STREAMS, piece(1, 'B')); // held: nothing to show yet
    expect(visibleStreams(held)).toEqual([]);
    const shown = streamDelta(held, piece(0, 'A'));
    expect(texts(shown)).toEqual(['AB']);
    expect(streamDelta(shown, piece(0, 'A'))).toBe(shown);
  });

  it('ignores late pieces of a finished stream', () => {
    const finished = finishStream(streamDelta(NO_STREAMS, piece(0, 'Partial')), 's1');
    expect(visibleStreams(finished)).toEqual([]);
    expect(streamDelta(finished, piece(1, ' more'))).toBe(finished);
    expect(finishStream(finished, 's1')).toBe(finished);
  });

  it('finishes the streams of one chat only', () => {
    const two = streamDelta(streamDelta(NO_STREAMS, piece(0, 'one', 's1', 'c1')), piece(0, 'two', 's2', 'c2'));
    const left = finishChatStreams(two, 'c1');
    expect(visibleStreams(left).map((s) => s.streamId)).toEqual(['s2']);
    expect(finishChatStreams(left, 'c1')).toBe(left);
  });

  it('forgets partial streams on reset, but still accepts their later pieces', () => {
    const reset = resetStreams(streamDelta(NO_STREAMS, piece(0, 'A')));
    expect(visibleStreams(reset)).toEqual([]);
    // Piece 0 was seen before the reset; a later piece alone shows nothing (index 0 is missing now).
    expect(visibleStreams(streamDelta(reset, piece(1, 'B')))).toEqual([]);
  });

  it('remembers a bounded number of finished streams', () => {
    let streams = NO_STREAMS;
    for (let i = 0; i < 60; i++) streams = finishStream(streams, `s${i}`);
    expect(streams.finished).toHaveLength(50);
    expect(streams.finished[0]).toBe('s10');
  });
});
