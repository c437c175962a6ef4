import {
  AI_DEFAULT_AUTO_RESOLVE_MINUTES,
  AI_DEFAULT_CHAT_TOKEN_CAP,
  AI_DEFAULT_DAILY_TOKEN_CAP,
  AI_DEFAULT_MAX_OUTPUT_TOKENS,
  type AiBackend,
  type AiSettingsDto,
  type AiSettingsStatus,
  aiSettingsStatusSchema,
} from '@chatiq/contracts';
import type { AiSettings, AiBackend as DbAiBackend } from '../generated/prisma/client.js';

export const DEFAULT_AI_MODEL = 'gpt-4.1-mini';

export function toDbBackend(backend: AiBackend): DbAiBackend {
  return backend === 'chat_completions' ? 'CHAT_COMPLETIONS' : 'RESPONSES';
}

export function fromDbBackend(backend: DbAiBackend): AiBackend {
  return backend === 'CHAT_COMPLETIONS' ? 'chat_completions' : 'responses';
}

/** The settings as the API shows them: never the key, only its last 4 characters. */
export function toAiSettingsDto(row: AiSettings | null): AiSettingsDto {
  if (!row) {
    return {
      enabled: false,
      apiKeyLast4: null,
      baseUrl: null,
      backend: 'responses',
      model: DEFAULT_AI_MODEL,
      instructions: '',
      vectorStoreIds: [],
      maxOutputTokens: AI_DEFAULT_MAX_OUTPUT_TOKENS,
      dailyTokenCap: AI_DEFAULT_DAILY_TOKEN_CAP,
      chatTokenCap: AI_DEFAULT_CHAT_TOKEN_CAP,
      autoResolveAfterMinutes: AI_DEFAULT_AUTO_RESOLVE_MINUTES,
      status: 'unverified',
      statusMessage: null,
      statusCheckedAt: null,
    };
  }
  const status: AiSettingsStatus = aiSettingsStatusSchema.safeParse(row.status).data ?? 'error';
  return {
    enabled: row.enabled,
    apiKeyLast4: row.apiKeyEncrypted ? row.apiKeyLast4 : null,
    baseUrl: row.baseUrl,
    backend: fromDbBackend(row.backend),
    model: row.model,
    instructions: row.instructions,
    vectorStoreIds: row.vectorStoreIds,
    maxOutputTokens: row.maxOutputTokens,
    dailyTokenCap: row.dailyTokenCap,
    chatTokenCap: row.chatTokenCap,
    autoResolveAfterMinutes: row.autoResolveAfterMinutes || null,
    status,
    statusMessage: row.statusMessage,
    statusCheckedAt: row.statusCheckedAt?.toISOString() ?? null,
  };
}
