import { type ChatSummaryDto, type MessageDto, webhookEventSchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { chatAssignedEvent, chatCreatedEvent, chatStatusChangedEvent, messageEvent, testEvent } from './webhook-events.js';

const visitor = {
  id: 'v1',
  name: 'Ann',
  email: 'ann@example.com',
  currentPageUrl: 'https://shop.example/cart',
  currentPageTitle: 'Cart',
  referrer: null,
  userAgent: 'UA',
  locale: 'en',
  externalUserId: 'u-42',
  identityVerified: true,
  firstSeenAt: '2026-12-01T00:00:00.000Z',
  lastSeenAt: '2026-12-01T00:00:00.000Z',
};

const message: MessageDto = {
  id: 'm1',
  chatId: 'c1',
  seq: 3,
  publicSeq: 2,
  clientId: 'client-1',
  authorKind: 'VISITOR',
  authorId: 'v1',
  authorName: 'Ann',
  text: 'Here is the invoice',
  internal: false,
  attachment: { name: 'invoice.pdf', type: 'application/pdf', size: 1234 },
  systemEvent: null,
  createdAt: '2026-12-01T00:00:05.000Z',
};

const chat: ChatSummaryDto = {
  id: 'c1',
  siteId: 's1',
  siteName: 'Shop',
  status: 'OPEN',
  handledBy: 'UNASSIGNED',
  assignedOperatorId: null,
  assignedOperatorName: null,
  aiState: null,
  followUpAt: null,
  snoozedUntil: null,
  visitor,
  lastMessage: message,
  lastSeq: 3,
  unreadCount: 1,
  visitorLastReadSeq: 3,
  operatorLastReadSeq: 0,
  firstResponseAt: null,
  resolvedAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:05.000Z',
};

describe('webhook events', () => {
  it('a message: the contract shape, attachment metadata only, the visitor without page or agent', () => {
    const event = messageEvent('o1', chat, message);
    expect(webhookEventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ type: 'message.created', version: 1, organizationId: 'o1', siteId: 's1', createdAt: message.createdAt });
    expect(event.id).toMatch(/^evt_/);
    if (event.type !== 'message.created') throw new Error('type');
    expect(event.data.message.attachment).toEqual({ name: 'invoice.pdf', type: 'application/pdf', size: 1234 });
    expect(event.data.chat.visitor).toEqual({ id: 'v1', name: 'Ann', email: 'ann@example.com', externalUserId: 'u-42' });
    expect(JSON.stringify(event)).not.toContain('shop.example/cart');
  });

  it('a private note is note.created, never message.created', () => {
    const event = messageEvent('o1', chat, { ...message, internal: true, publicSeq: null, authorKind: 'OPERATOR' });
    expect(event.type).toBe('note.created');
    expect(webhookEventSchema.parse(event)).toEqual(event);
  });

  it('chat events parse with the contract, each with a new id', () => {
    const events = [
      chatCreatedEvent('o1', chat),
      chatAssignedEvent('o1', { ...chat, assignedOperatorId: 'op1' }, 'admin1'),
      chatStatusChangedEvent('o1', { ...chat, status: 'RESOLVED' }, 'RESOLVED'),
      testEvent('o1', 'w1'),
    ];
    for (const event of events) expect(webhookEventSchema.parse(event)).toEqual(event);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events[1]).toMatchObject({ data: { assignedOperatorId: 'op1', assignedBy: 'admin1' } });
    expect(events[3]).toMatchObject({ siteId: null, data: { webhookId: 'w1' } });
  });
});
