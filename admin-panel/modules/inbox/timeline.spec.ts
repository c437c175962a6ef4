import type { ChatTransitionDto, MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { buildTimeline, mergeTransitions } from './timeline';

const message = (id: string, seq: number, createdAt: string) => ({ id, seq, createdAt }) as MessageDto;
const transition = (id: string, createdAt: string, to: ChatTransitionDto['to'] = 'HUMAN') =>
  ({ id, chatId: 'c', from: 'AI', to, reason: 'operator_takeover', detail: null, createdAt }) as ChatTransitionDto;
const ids = (items: ReturnType<typeof buildTimeline>) =>
  items.map((item) => (item.kind === 'message' ? item.message.id : `t:${item.transition.id}`));

describe('buildTimeline', () => {
  const messages = [
    message('m1', 1, '2026-01-01T10:00:00.000Z'),
    message('m2', 2, '2026-01-01T10:01:00.000Z'),
    message('m3', 3, '2026-01-01T10:05:00.000Z'),
  ];

  it('places each transition after the messages before it, in time order', () => {
    const transitions = [transition('late', '2026-01-01T10:06:00.000Z'), transition('mid', '2026-01-01T10:02:00.000Z')];
    expect(ids(buildTimeline(messages, transitions))).toEqual(['m1', 'm2', 't:mid', 'm3', 't:late']);
  });

  it('puts a transition at the same instant as a message after that message', () => {
    expect(ids(buildTimeline(messages, [transition('same', '2026-01-01T10:01:00.000Z')]))).toEqual(['m1', 'm2', 't:same', 'm3']);
  });

  it('keeps transitions before the first message first, and works without either', () => {
    expect(ids(buildTimeline(messages, [transition('first', '2026-01-01T09:00:00.000Z')]))).toEqual(['t:first', 'm1', 'm2', 'm3']);
    expect(ids(buildTimeline([], [transition('only', '2026-01-01T09:00:00.000Z')]))).toEqual(['t:only']);
    expect(ids(buildTimeline(messages, []))).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('mergeTransitions', () => {
  it('adds new transitions by id, in time order', () => {
    const a = transition('a', '2026-01-01T10:00:00.000Z');
    const b = transition('b', '2026-01-01T11:00:00.000Z', 'AI');
    expect(mergeTransitions([b], [a, b]).map((t) => t.id)).toEqual(['a', 'b']);
  });
});
