import type { MessageDto } from '@chatiq/contracts';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/i18n/load-messages';
import type { Locale } from '@/i18n/locales';
import { type InboxTranslate, systemMessageText } from './system-event-text';

async function inboxTranslator(locale: Locale): Promise<InboxTranslate> {
  // The messages are loaded at run time, so their keys are not known to the types.
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: 'inbox' }) as unknown as InboxTranslate;
}

const note = (systemEvent: MessageDto['systemEvent'], text = 'English fallback'): Pick<MessageDto, 'text' | 'systemEvent'> => ({
  text,
  systemEvent,
});

const CYRILLIC = /[\u0400-\u04FF]/;

describe('systemMessageText', () => {
  it('renders an assignment note in Ukrainian, with the names', async () => {
    const uk = await inboxTranslator('uk');
    const text = systemMessageText(
      note({ code: 'chat.assigned', params: { actor: 'Anna', assignee: 'Bohdan' } }, 'Anna assigned this chat to Bohdan'),
      uk,
    );
    expect(text).toBe('Anna призначив(-ла) відповідального за чат: Bohdan');
    // Nothing of the English sentence is left but the names.
    expect(text.replace(/Anna|Bohdan/g, '')).not.toMatch(/[A-Za-z]/);
    expect(systemMessageText(note({ code: 'chat.self_assigned', params: { actor: 'Anna' } }), uk)).toBe('Anna взяв(-ла) цей чат собі');
    expect(systemMessageText(note({ code: 'chat.unassigned', params: { actor: 'Anna' } }), uk)).toBe(
      'Anna зняв(-ла) призначення з цього чату',
    );
  });

  it('renders the snooze notes in both languages, the wake time as the reader reads dates', async () => {
    const [en, uk] = [await inboxTranslator('en'), await inboxTranslator('uk')];
    const until = '2026-12-08T07:00:00.000Z';
    const snoozed = note({ code: 'chat.snoozed', params: { actor: 'Anna', until } });
    const dateTime = (iso: string) => `<${iso}>`;
    expect(systemMessageText(snoozed, en, dateTime)).toBe(`Anna snoozed this chat until <${until}>`);
    expect(systemMessageText(snoozed, uk, dateTime)).toBe(`Anna відклав(-ла) цей чат до <${until}>`);
    expect(systemMessageText(note({ code: 'chat.unsnoozed', params: { reason: 'time' } }), en)).toBe('Snooze ended');
    expect(systemMessageText(note({ code: 'chat.unsnoozed', params: { reason: 'visitor' } }), en)).toBe('Visitor wrote while snoozed');
    expect(systemMessageText(note({ code: 'chat.unsnoozed', params: { reason: 'time' } }), uk)).toMatch(CYRILLIC);
    expect(systemMessageText(note({ code: 'chat.unsnoozed', params: { reason: 'visitor' } }), uk)).toMatch(CYRILLIC);
    // A parameter missing or not understood: the server's sentence.
    expect(systemMessageText(note({ code: 'chat.unsnoozed', params: { reason: 'later' } }), uk)).toBe('English fallback');
    expect(systemMessageText(note({ code: 'chat.snoozed', params: { actor: 'Anna', until: 'soon' } }), uk)).toBe('English fallback');
  });

  it('renders the same notes in English', async () => {
    const en = await inboxTranslator('en');
    expect(systemMessageText(note({ code: 'chat.assigned', params: { actor: 'Anna', assignee: 'Bohdan' } }), en)).toBe(
      'Anna assigned this chat to Bohdan',
    );
    expect(systemMessageText(note({ code: 'chat.self_assigned', params: { actor: 'Anna' } }), en)).toBe(
      'Anna assigned this chat to themselves',
    );
    expect(systemMessageText(note({ code: 'chat.unassigned', params: { actor: 'Anna' } }), en)).toBe('Anna unassigned this chat');
  });

  it("renders an auto-reply's log with what the rule did", async () => {
    const event = {
      code: 'auto_reply.fired' as const,
      params: { trigger: 'KEYWORD', keywords: '"ціна", "price"', seq: '3', status: 'PENDING', notAssigned: 'true', assignee: 'Bohdan' },
    };
    const en = await inboxTranslator('en');
    // The same sentence the server stores as the English text.
    expect(systemMessageText(note(event), en)).toBe(
      'Auto-reply: keyword rule ("ціна", "price") answered message #3; status set to pending; ' +
        'not assigned: the operator can no longer take this chat; assigned to Bohdan',
    );
    const uk = await inboxTranslator('uk');
    expect(systemMessageText(note(event), uk)).toBe(
      'Автовідповідь: правило з ключовими словами ("ціна", "price") відповіло на повідомлення №3; статус змінено на «очікує»; ' +
        'не призначено: оператор більше не може вести цей чат; призначено відповідального: Bohdan',
    );
    expect(systemMessageText(note({ code: 'auto_reply.fired', params: { trigger: 'NO_REPLY', seconds: '90', seq: '7' } }), uk)).toBe(
      'Автовідповідь: правило очікування (90 с без відповіді) відповіло на повідомлення №7',
    );
  });

  it('renders the automatic resolve of an AI-only chat in both languages', async () => {
    const event = { code: 'chat.auto_resolved' as const, params: { minutes: '30' } };
    // The same sentence the server stores as the English text.
    expect(systemMessageText(note(event), await inboxTranslator('en'))).toBe(
      'Resolved automatically after 30 min without messages (answered by the AI)',
    );
    expect(systemMessageText(note(event), await inboxTranslator('uk'))).toBe(
      'Вирішено автоматично після 30 хв без повідомлень (відповідав ШІ)',
    );
    expect(systemMessageText(note({ code: 'chat.auto_resolved', params: {} }), await inboxTranslator('uk'))).toBe('English fallback');
  });

  it('falls back to the text: no event, an unknown code, a missing parameter, the AI handoff', async () => {
    const uk = await inboxTranslator('uk');
    expect(systemMessageText(note(null), uk)).toBe('English fallback');
    // A code from a newer server.
    const unknown = { code: 'chat.archived', params: { actor: 'Anna' } } as unknown as MessageDto['systemEvent'];
    expect(systemMessageText(note(unknown), uk)).toBe('English fallback');
    expect(systemMessageText(note({ code: 'chat.assigned', params: { actor: 'Anna' } }), uk)).toBe('English fallback');
    expect(systemMessageText(note({ code: 'auto_reply.fired', params: { trigger: 'KEYWORD', seq: '3' } }), uk)).toBe('English fallback');
    expect(systemMessageText(note({ code: 'auto_reply.fired', params: { trigger: 'SOMETHING_NEW', seq: '3' } }), uk)).toBe(
      'English fallback',
    );
    // What the visitor read, in their language, is shown as it is.
    const handoff = note({ code: 'ai.handoff', params: { reason: 'visitor_requested' } }, 'I’m passing you to a colleague.');
    expect(systemMessageText(handoff, uk)).toBe('I’m passing you to a colleague.');
    expect(CYRILLIC.test(systemMessageText(handoff, uk))).toBe(false);
  });
});
