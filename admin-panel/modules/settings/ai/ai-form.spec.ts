import { type AiSettingsDto, aiSettingsBodySchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { aiBodyFromForm, aiFormFromDto, listField } from './ai-form';

const stored: AiSettingsDto = {
  enabled: true,
  apiKeyLast4: 'x9Qz',
  baseUrl: null,
  backend: 'responses',
  model: 'gpt-4.1-mini',
  instructions: 'Be kind.',
  vectorStoreIds: ['vs_a', 'vs_b'],
  maxOutputTokens: 1024,
  dailyTokenCap: 1_000_000,
  chatTokenCap: 50_000,
  autoResolveAfterMinutes: 30,
  status: 'ok',
  statusMessage: null,
  statusCheckedAt: null,
};

describe('AI settings form', () => {
  it('round-trips the stored settings without the key, which keeps the stored one', () => {
    const body = aiBodyFromForm(aiFormFromDto(stored));
    expect(body).not.toHaveProperty('apiKey');
    const parsed = aiSettingsBodySchema.parse(body);
    expect(parsed).toMatchObject({ enabled: true, backend: 'responses', vectorStoreIds: ['vs_a', 'vs_b'], maxOutputTokens: 1024 });
    expect(parsed.baseUrl).toBeUndefined();
  });

  it('sends a typed key and base URL, and numbers typed with spaces', () => {
    const form = { ...aiFormFromDto(stored), apiKey: '  sk-new-key ', baseUrl: ' http://127.0.0.1:9999/v1 ', dailyTokenCap: '2 000 000' };
    const body = aiBodyFromForm(form);
    expect(body).toMatchObject({ apiKey: 'sk-new-key', baseUrl: 'http://127.0.0.1:9999/v1', dailyTokenCap: 2_000_000 });
  });

  it('leaves blank numbers to the defaults and lets the contract refuse nonsense', () => {
    const blank = aiBodyFromForm({ ...aiFormFromDto(stored), maxOutputTokens: '', chatTokenCap: 'lots' });
    expect(blank.maxOutputTokens).toBeUndefined();
    const result = aiSettingsBodySchema.safeParse(blank);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['chatTokenCap']);
  });

  it('sends the auto-resolve minutes; an emptied field or 0 turns it off', () => {
    const form = aiFormFromDto(stored);
    expect(form.autoResolveAfterMinutes).toBe('30');
    expect(aiSettingsBodySchema.parse(aiBodyFromForm({ ...form, autoResolveAfterMinutes: '45' })).autoResolveAfterMinutes).toBe(45);
    expect(aiSettingsBodySchema.parse(aiBodyFromForm({ ...form, autoResolveAfterMinutes: '' })).autoResolveAfterMinutes).toBeNull();
    expect(aiSettingsBodySchema.parse(aiBodyFromForm({ ...form, autoResolveAfterMinutes: '0' })).autoResolveAfterMinutes).toBeNull();
    expect(aiFormFromDto({ ...stored, autoResolveAfterMinutes: null }).autoResolveAfterMinutes).toBe('');
  });

  it('reads vector store ids one per line, commas and spaces too', () => {
    expect(listField('vs_1\n vs_2 , vs_3\n\n')).toEqual(['vs_1', 'vs_2', 'vs_3']);
    expect(listField('  ')).toEqual([]);
  });
});
