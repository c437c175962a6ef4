import type { MessageDto } from './chats.js';

/**
 * Merges incoming messages into a chat's list: one entry per id (the newest copy wins), ordered
 * by the per-chat sequence number. Used by every client when history, live events and resumes
 * deliver overlapping messages.
 */
export function mergeMessages(existing: readonly MessageDto[], incoming: readonly MessageDto[]): MessageDto[] {
  const byId = new Map<string, MessageDto>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest sequence number in a list (0 for none). */
export function lastSeq(messages: readonly MessageDto[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0);
}

/**
 * Where a client resumes a chat after a reconnect: the `seq` of the last message before the first
 * one it is missing. Messages can arrive out of order (a reply's acknowledgement may overtake
 * another message's broadcast, or two API nodes store two messages at once), so "the highest seq
 * seen" could skip a message; this never does. Operators see every message, so their `seq` is
 * gap-free; visitors never see private notes, so their chain is `publicSeq`.
 * `messages` are those of one chat, as loaded from its start.
 */
export function resumeSeq(messages: readonly Pick<MessageDto, 'seq' | 'publicSeq'>[], audience: 'operator' | 'visitor'): number {
  type Numbered = Pick<MessageDto, 'seq' | 'publicSeq'>;
  const chain = audience === 'operator' ? (m: Numbered) => m.seq : (m: Numbered) => m.publicSeq;
  const numbers = new Map<number, number>(); // chain number → seq
  for (const m of messages) {
    const n = chain(m);
    if (n !== null) numbers.set(n, m.seq);
  }
  let resume = 0;
  for (let n = 1; numbers.has(n); n++) resume = numbers.get(n)!;
  return resume;
}
