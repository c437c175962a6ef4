import type { AiBackend, AiSettingsBody, AiSettingsDto } from '@chatiq/contracts';

/** The AI settings form as typed (numbers as text, vector stores as lines). */
export type AiForm = {
  enabled: boolean;
  /** Empty: keep the stored key. Never filled from the API (it never sends the key). */
  apiKey: string;
  baseUrl: string;
  backend: AiBackend;
  model: string;
  instructions: string;
  vectorStoreIds: string;
  maxOutputTokens: string;
  chatTokenCap: string;
  dailyTokenCap: string;
  /** Minutes; blank or 0: never. */
  autoResolveAfterMinutes: string;
};

export function aiFormFromDto(dto: AiSettingsDto): AiForm {
  return {
    enabled: dto.enabled,
    apiKey: '',
    baseUrl: dto.baseUrl ?? '',
    backend: dto.backend,
    model: dto.model,
    instructions: dto.instructions,
    vectorStoreIds: dto.vectorStoreIds.join('\n'),
    maxOutputTokens: String(dto.maxOutputTokens),
    chatTokenCap: String(dto.chatTokenCap),
    dailyTokenCap: String(dto.dailyTokenCap),
    autoResolveAfterMinutes: dto.autoResolveAfterMinutes === null ? '' : String(dto.autoResolveAfterMinutes),
  };
}

/** A typed number; blank is left out (the contract's default applies), anything else must parse. */
function numberField(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed.replace(/[\s_]/g, ''));
}

/** Items of a list typed one per line (commas and spaces also separate). */
export function listField(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The PUT body: the key only when one was typed (absent keeps the stored one). */
export function aiBodyFromForm(form: AiForm): AiSettingsBody {
  const apiKey = form.apiKey.trim();
  return {
    enabled: form.enabled,
    ...(apiKey ? { apiKey } : {}),
    baseUrl: form.baseUrl.trim() || null,
    backend: form.backend,
    model: form.model,
    instructions: form.instructions,
    vectorStoreIds: listField(form.vectorStoreIds),
    maxOutputTokens: numberField(form.maxOutputTokens),
    chatTokenCap: numberField(form.chatTokenCap),
    dailyTokenCap: numberField(form.dailyTokenCap),
    // Blank means "never" here (not the contract's default): the owner emptied the field.
    autoResolveAfterMinutes: numberField(form.autoResolveAfterMinutes) ?? null,
  };
}
