import {
  aiSettingsBodySchema,
  businessHoursSettingsSchema,
  passwordSchema,
  quickTemplateSchema,
  welcomeMessagesBodySchema,
  widgetSettingsBodySchema,
} from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { issueMessage } from './issue-messages';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.message);

describe('issueMessage', () => {
  it('recognizes what the contract says about business hours', () => {
    const result = businessHoursSettingsSchema.safeParse({
      timezone: 'Mars/Olympus',
      weekly: [
        { weekday: 1, open: '09:00', close: '17:00' },
        { weekday: 1, open: '16:00', close: '18:00' },
        { weekday: 2, open: '25:00', close: '18:00' },
      ],
      exceptions: [
        { date: '2025-02-30', closed: true },
        { date: '2025-12-25', closed: true },
        { date: '2025-12-25', closed: true },
      ],
    });
    const keys = messagesOf(result).map((m) => issueMessage(m)?.key);
    expect(keys).toEqual(expect.arrayContaining(['timeZone', 'overlaps', 'time', 'date', 'duplicateDate']));
    expect(keys).not.toContain(undefined);
  });

  it('recognizes the AI settings rules, with the numbers of range errors', () => {
    const result = aiSettingsBodySchema.safeParse({
      enabled: true,
      apiKey: 'sk bad',
      baseUrl: 'ftp://example.com',
      backend: 'chat_completions',
      model: '',
      vectorStoreIds: ['vs_1', 'nope'],
      maxOutputTokens: 9000,
      dailyTokenCap: 10,
      chatTokenCap: 5000,
    });
    const found = messagesOf(result).map(issueMessage);
    expect(found).toEqual(
      expect.arrayContaining([
        { key: 'noSpaces' },
        { key: 'baseUrl' },
        { key: 'required' },
        { key: 'vectorStoreId' },
        { key: 'max', values: { max: 8192 } },
        { key: 'min', values: { min: 1000 } },
      ]),
    );
    expect(found).not.toContain(null);
  });

  it('recognizes shortcuts, colours, languages and duplicates', () => {
    expect(messagesOf(quickTemplateSchema.safeParse({ shortcut: 'price', text: '' })).map((m) => issueMessage(m)?.key)).toEqual([
      'shortcut',
      'required',
    ]);
    expect(issueMessage(messagesOf(widgetSettingsBodySchema.safeParse({ color: 'blue' }))[0] ?? '')?.key).toBe('color');
    const welcome = welcomeMessagesBodySchema.safeParse({
      messages: [
        { language: 'EN', text: 'Hi' },
        { language: 'uk', text: 'Привіт' },
        { language: 'uk', text: 'Вітаю' },
      ],
    });
    expect(messagesOf(welcome).map((m) => issueMessage(m)?.key)).toEqual(['language', 'oneMessagePerLanguage']);
  });

  it('leaves unknown messages alone', () => {
    expect(issueMessage('Pattern is too complex')).toBeNull();
  });

  it('recognizes the password limits, in bytes for the upper one', () => {
    expect(messagesOf(passwordSchema.safeParse('short')).map(issueMessage)).toEqual([{ key: 'minLength', values: { min: 8 } }]);
    expect(messagesOf(passwordSchema.safeParse(`${'é'.repeat(36)}A`)).map(issueMessage)).toEqual([
      { key: 'passwordBytes', values: { max: 72 } },
    ]);
  });
});
