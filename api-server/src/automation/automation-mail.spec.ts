import { describe, expect, it } from 'vitest';
import { followUpMail, visitorLabel } from './follow-up-mail.js';
import { visitorTranscriptMail } from './visitor-transcript-mail.js';

const at = new Date('2026-03-09T22:15:00.000Z');

describe('followUpMail', () => {
  it('names the visitor, quotes every message and links to the chat', () => {
    const mail = followUpMail({
      site: { name: 'Acme' },
      visitor: { id: 'v_abcdef12345', name: 'Олена', email: 'olena@example.com' },
      messages: [
        { text: 'Hello?\nAnyone there?', createdAt: at },
        { text: '{operator.name} <b>x</b>', createdAt: at, attachmentName: 'invoice.pdf' },
      ],
      chatUrl: 'https://admin.example/inbox?chat=c1',
    });
    expect(mail.subject).toBe('[Acme] New message from Олена <olena@example.com>');
    expect(mail.text).toContain('Name:  Олена');
    expect(mail.text).toContain('Email: olena@example.com');
    expect(mail.text).toContain('  Hello?\n  Anyone there?');
    expect(mail.text).toContain('  {operator.name} <b>x</b>'); // literally, never rendered
    expect(mail.text).toContain('(attachment: invoice.pdf)');
    expect(mail.text).toContain('Answer in ChatIQ: https://admin.example/inbox?chat=c1');
  });

  it('says when the visitor left no name or email', () => {
    const mail = followUpMail({
      site: { name: 'Acme' },
      visitor: { id: 'v_abcdef12345', name: null, email: null },
      messages: [],
      chatUrl: 'u',
    });
    expect(mail.subject).toBe('[Acme] New message from Visitor 12345');
    expect(mail.text).toContain('Email: (not given: answer in the chat)');
  });

  it('labels a visitor by whatever they gave', () => {
    expect(visitorLabel({ id: 'x', name: null, email: 'a@b.c' })).toBe('a@b.c');
    expect(visitorLabel({ id: 'x', name: 'Ann', email: null })).toBe('Ann');
  });
});

describe('visitorTranscriptMail', () => {
  it('titles the chat and shows each message with who wrote it, from the visitor’s side, at the reader’s times', () => {
    const mail = visitorTranscriptMail({
      site: { name: 'Acme' },
      visitor: { id: 'visitor_12345', name: 'Ann', email: 'ann@example.com' },
      chat: { createdAt: at },
      // Kathmandu is UTC+5:45: 22:15 UTC is 04:00 the next day there.
      timeZone: 'Asia/Kathmandu',
      messages: [
        { authorKind: 'VISITOR', authorName: 'Ann', text: 'Hi', createdAt: at },
        { authorKind: 'SYSTEM', authorName: null, text: 'We are closed', createdAt: at },
        { authorKind: 'OPERATOR', authorName: 'Olha', text: 'Hello Ann', createdAt: at, attachmentName: 'menu.pdf', attachmentSize: 1536 },
        { authorKind: 'AI', authorName: null, text: 'Anything else?', createdAt: at },
      ],
    });
    expect(mail.subject).toBe('Your conversation with Acme');
    expect(mail.text).toBe(
      [
        'Acme — Ann — 10 March 2026',
        'Times in Asia/Kathmandu',
        '',
        '[2026-03-10 04:00] You:',
        '  Hi',
        '[2026-03-10 04:00] Acme:',
        '  We are closed',
        '[2026-03-10 04:00] Olha:',
        '  Hello Ann',
        '  (attachment: menu.pdf, 1.5 KB)',
        '[2026-03-10 04:00] Acme assistant:',
        '  Anything else?',
        '',
      ].join('\n'),
    );
  });
});
