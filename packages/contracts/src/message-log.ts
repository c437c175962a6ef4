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

/** The highest sequence number in a list (0 for none): what a client resumes after. */
export function lastSeq(messages: readonly MessageDto[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0);
}
