import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { concernsOperator, decideNotification, type NotificationInput, titleWithUnread, unreadTotal } from './notification-decision';

const since = Date.parse('2026-01-01T10:00:00.000Z');
const visitorMessage = (id: string, createdAt = '2026-01-01T10:05:00.000Z') =>
  ({ id, authorKind: 'VISITOR', internal: false, createdAt }) as MessageDto;
const chat = (overrides: Partial<ChatSummaryDto> = {}) =>
  ({
    id: 'c1',
    status: 'OPEN',
    assignedOperatorId: null,
    aiState: null,
    unreadCount: 1,
    lastMessage: visitorMessage('m1'),
    ...overrides,
  }) as ChatSummaryDto;
const decide = (input: Partial<NotificationInput>) =>
  decideNotification({
    previous: chat({ lastMessage: null }),
    next: chat(),
    operatorId: 'me',
    openChatId: null,
    pageVisible: true,
    since,
    ...input,
  });

describe('decideNotification', () => {
  it('alerts on a new visitor message in a chat that is not open', () => {
    expect(decide({})).toBe('new_message');
    expect(decide({ openChatId: 'other' })).toBe('new_message');
  });

  it('alerts on a new chat, and on the open chat while the tab is hidden', () => {
    expect(decide({ previous: undefined })).toBe('new_chat');
    expect(decide({ openChatId: 'c1', pageVisible: false })).toBe('new_message');
  });

  it('stays quiet for the chat the operator is looking at', () => {
    expect(decide({ openChatId: 'c1', pageVisible: true })).toBeNull();
  });

  it('stays quiet when the last message is not new or not from the visitor', () => {
    expect(decide({ previous: chat() })).toBeNull(); // same message (e.g. a read receipt updated the chat)
    expect(decide({ next: chat({ lastMessage: { ...visitorMessage('m2'), authorKind: 'OPERATOR' } }) })).toBeNull();
    expect(decide({ next: chat({ lastMessage: { ...visitorMessage('m2'), authorKind: 'AI' } }) })).toBeNull();
    expect(decide({ next: chat({ lastMessage: { ...visitorMessage('m2'), internal: true } }) })).toBeNull();
    expect(decide({ next: chat({ lastMessage: null }) })).toBeNull();
    // History loaded after the page opened (another status filter, a reconnect) is not news.
    expect(decide({ previous: undefined, next: chat({ lastMessage: visitorMessage('old', '2026-01-01T09:00:00.000Z') }) })).toBeNull();
  });

  it("leaves colleagues' chats and chats the AI is answering alone", () => {
    expect(decide({ next: chat({ assignedOperatorId: 'colleague' }) })).toBeNull();
    expect(decide({ next: chat({ assignedOperatorId: 'me' }) })).toBe('new_message');
    expect(decide({ next: chat({ aiState: 'AI' }) })).toBeNull();
    expect(decide({ next: chat({ status: 'RESOLVED' }) })).toBeNull();
  });

  it('alerts when the AI hands a chat over to humans', () => {
    const answering = chat({ aiState: 'AI' });
    const waiting = chat({ aiState: 'WAITING_FOR_HUMAN' });
    expect(decide({ previous: answering, next: waiting })).toBe('needs_human');
    expect(decide({ previous: waiting, next: waiting })).toBeNull();
    expect(decide({ previous: answering, next: waiting, openChatId: 'c1' })).toBeNull();
  });
});

describe('unreadTotal and titleWithUnread', () => {
  it('counts unread messages of the chats that concern the operator', () => {
    const chats = [
      chat({ id: 'a', unreadCount: 2 }),
      chat({ id: 'b', unreadCount: 3, assignedOperatorId: 'me' }),
      chat({ id: 'c', unreadCount: 4, assignedOperatorId: 'colleague' }),
      chat({ id: 'd', unreadCount: 5, aiState: 'AI' }),
      chat({ id: 'e', unreadCount: 6, status: 'RESOLVED' }),
    ];
    expect(unreadTotal(chats, 'me')).toBe(5);
    expect(concernsOperator(chats[3]!, 'me')).toBe(false);
  });

  it('puts the count in front of the title, once', () => {
    expect(titleWithUnread('Inbox · ChatIQ', 3)).toBe('(3) Inbox · ChatIQ');
    expect(titleWithUnread('(3) Inbox · ChatIQ', 4)).toBe('(4) Inbox · ChatIQ');
    expect(titleWithUnread('(3) Inbox · ChatIQ', 0)).toBe('Inbox · ChatIQ');
    expect(titleWithUnread('Inbox', 120)).toBe('(99+) Inbox');
    expect(titleWithUnread('(99+) Inbox', 1)).toBe('(1) Inbox');
  });
});
