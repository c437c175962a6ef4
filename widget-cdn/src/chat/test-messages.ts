import type { MessageDto } from '@chatiq/contracts';

/**
 * A stored message for the chat's unit tests: operator Oleh's `message <seq>` in chat_1, number
 * `seq`, written at 12:00:<seq> UTC on 1 January 2026; `overrides` change any field (the id
 * follows the chat: `msg_<chatId>_<seq>`).
 */
export function testMessage(seq: number, overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `msg_${overrides.chatId ?? 'chat_1'}_${seq}`,
    chatId: 'chat_1',
    seq,
    publicSeq: seq,
    clientId: null,
    authorKind: 'OPERATOR',
    authorId: 'user_1',
    authorName: 'Oleh',
    text: `message ${seq}`,
    internal: false,
    attachment: null,
    systemEvent: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}
