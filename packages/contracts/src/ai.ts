// AI assistant settings and events (issue 8).
import { z } from 'zod';
import type { MessageDto } from './chats.js';
import { idSchema } from './common.js';

// ---------------------------------------------------------------------------------------------
// Per-site settings
// ---------------------------------------------------------------------------------------------

/**
 * Which wire API answers. `responses` is OpenAI's Responses API (the only one with `file_search`
 * knowledge); `chat_completions` is for OpenAI-compatible self-hosted servers that speak only
 * Chat Completions.
 */
export const aiBackendSchema = z.enum(['responses', 'chat_completions']);
export type AiBackend = z.infer<typeof aiBackendSchema>;

/** An OpenAI vector store id, the knowledge `file_search` searches. */
export const vectorStoreIdSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^vs_[A-Za-z0-9_-]+$/, 'Must be a vector store id such as vs_abc123');

const BASE_URL_MESSAGE = 'Must be an http(s) URL such as https://api.openai.com/v1, without credentials';

/**
 * The API root as the OpenAI SDK expects it, including any `/v1`
 * (e.g. `http://localhost:11434/v1`). A trailing slash is dropped.
 */
export const aiBaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, BASE_URL_MESSAGE)
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * A provider API key. Write-only: the API never returns it, only its last 4 characters.
 * Self-hosted servers may accept any non-empty string.
 */
export const aiApiKeySchema = z.string().trim().min(1, 'API key is empty').max(1000).regex(/^\S+$/, 'API key must not contain spaces');

export const AI_DEFAULT_MAX_OUTPUT_TOKENS = 1024;
export const AI_DEFAULT_CHAT_TOKEN_CAP = 50_000;
export const AI_DEFAULT_DAILY_TOKEN_CAP = 1_000_000;
/**
 * A chat the AI alone answered is resolved after this many minutes without a message: long enough
 * for a visitor who reads the answer, tries it and comes back with a follow-up question, short
 * enough that the inbox does not fill with finished conversations nobody will close.
 */
export const AI_DEFAULT_AUTO_RESOLVE_MINUTES = 30;
/** At most a week of quiet. */
export const AI_MAX_AUTO_RESOLVE_MINUTES = 7 * 24 * 60;

/**
 * The AI settings as the owner/admin sends them (replaces the site's settings, except the key).
 * `apiKey` absent means "keep the stored key"; it is required the first time AI is enabled
 * (the service checks that, since only it knows whether a key is stored).
 */
export const aiSettingsBodySchema = z
  .object({
    enabled: z.boolean(),
    apiKey: aiApiKeySchema.optional(),
    /** Absent, null or '' (what admin forms send for an empty field): OpenAI itself. */
    baseUrl: z
      .union([z.literal(''), aiBaseUrlSchema], { error: BASE_URL_MESSAGE })
      .nullish()
      .transform((value) => value || undefined),
    backend: aiBackendSchema.default('responses'),
    model: z.string().trim().min(1, 'Model is required').max(100),
    /** The system prompt: who the assistant is, tone, what it may and may not do. */
    instructions: z.string().max(20_000).default(''),
    /** Knowledge for `file_search`; only the responses backend can use it. */
    vectorStoreIds: z
      .array(vectorStoreIdSchema)
      .max(10)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'Vector store ids must be unique'),
    /** Longest single answer, in tokens. */
    maxOutputTokens: z.number().int().min(16).max(8192).default(AI_DEFAULT_MAX_OUTPUT_TOKENS),
    /** Tokens (input + output) the site may spend per day; then chats go to humans. */
    dailyTokenCap: z.number().int().min(1000).max(1_000_000_000).default(AI_DEFAULT_DAILY_TOKEN_CAP),
    /** Tokens (input + output) one chat may spend; then it goes to humans. */
    chatTokenCap: z.number().int().min(1000).max(100_000_000).default(AI_DEFAULT_CHAT_TOKEN_CAP),
    /**
     * Resolve a chat the AI alone answered once nobody wrote in it for this many minutes;
     * null or 0: never.
     */
    autoResolveAfterMinutes: z
      .number()
      .int()
      .min(0)
      .max(AI_MAX_AUTO_RESOLVE_MINUTES)
      .nullable()
      .default(AI_DEFAULT_AUTO_RESOLVE_MINUTES)
      .transform((value) => value || null),
  })
  .superRefine((body, ctx) => {
    // Refuse rather than ignore, so nobody believes the assistant is using knowledge it cannot reach.
    if (body.backend === 'chat_completions' && body.vectorStoreIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['vectorStoreIds'],
        message: 'Vector stores (file_search) need the responses backend',
      });
    }
    if (body.chatTokenCap > body.dailyTokenCap) {
      ctx.addIssue({ code: 'custom', path: ['chatTokenCap'], message: 'The per-chat cap cannot exceed the daily cap' });
    }
  });
export type AiSettingsBody = z.input<typeof aiSettingsBodySchema>;
/** The body after validation (defaults applied): what the server works with. */
export type ParsedAiSettingsBody = z.output<typeof aiSettingsBodySchema>;

/**
 * Outcome of the last check of the key against the provider: `unverified` until checked,
 * `ok`, or why it failed (401 → invalid_key; 403/404 → no_access, e.g. the key cannot read a
 * vector store; 429 → rate_limited, including no quota; anything else → error).
 */
export const aiSettingsStatusSchema = z.enum(['unverified', 'ok', 'invalid_key', 'no_access', 'rate_limited', 'error']);
export type AiSettingsStatus = z.infer<typeof aiSettingsStatusSchema>;

/** The AI settings as the API returns them: never the key, only its last 4 characters. */
export const aiSettingsDtoSchema = z.object({
  enabled: z.boolean(),
  /** Null when no key is stored. */
  apiKeyLast4: z.string().nullable(),
  /** Null: OpenAI itself. */
  baseUrl: z.string().nullable(),
  backend: aiBackendSchema,
  model: z.string(),
  instructions: z.string(),
  vectorStoreIds: z.array(z.string()),
  maxOutputTokens: z.number().int(),
  dailyTokenCap: z.number().int(),
  chatTokenCap: z.number().int(),
  /** Minutes of quiet after which a chat the AI alone answered is resolved; null: never. */
  autoResolveAfterMinutes: z.number().int().positive().nullable(),
  status: aiSettingsStatusSchema,
  /** Why the last check or answer failed, for the admin, in the API's words (HTTP status, a known error code; never the server's body). */
  statusMessage: z.string().nullable(),
  statusCheckedAt: z.string().nullable(),
});
export type AiSettingsDto = z.infer<typeof aiSettingsDtoSchema>;

// ---------------------------------------------------------------------------------------------
// Per-chat state machine
// ---------------------------------------------------------------------------------------------

/**
 * Who answers a chat: the `AI`; nobody yet, because the AI gave way (`WAITING_FOR_HUMAN`);
 * or a `HUMAN` operator. `HUMAN` → `AI` only when an operator hands back.
 */
export const aiChatStateSchema = z.enum(['AI', 'WAITING_FOR_HUMAN', 'HUMAN']);
export type AiChatState = z.infer<typeof aiChatStateSchema>;

/** Why a chat changed hands; stored with every transition and shown in the admin. */
export const aiHandoffReasonSchema = z.enum([
  /** The model called the `handoff_to_human` tool. */
  'model_requested',
  /** The visitor asked for a person. */
  'visitor_requested',
  /** An operator joined and took the chat. */
  'operator_takeover',
  /** The AI failed (bad key, no access, rate limit, timeout, provider error). */
  'ai_error',
  /** The chat's or the site's token cap is spent. */
  'cap_reached',
  /** An operator gave the chat back to the AI. */
  'operator_handback',
]);
export type AiHandoffReason = z.infer<typeof aiHandoffReasonSchema>;

// ---------------------------------------------------------------------------------------------
// Server → client streaming events (to the widget and to admins watching the chat)
// ---------------------------------------------------------------------------------------------

/** The AI started working on an answer (show a typing indicator). */
export type AiTypingPayload = { chatId: string };

/**
 * One piece of the answer being streamed. `index` counts from 0 within a stream, so a client can
 * append in order and notice a gap; deltas joined in index order are the final text.
 */
export type AiDeltaPayload = { chatId: string; streamId: string; delta: string; index: number };

/** The answer is complete and stored: replace the streamed text with `message`. */
export type AiDonePayload = { chatId: string; streamId: string; message: MessageDto };

/**
 * The stream stopped without an answer (an operator took over, the AI failed, a cap was hit…):
 * discard the partial text of `streamId`; nothing of it was stored.
 */
export type AiAbortedPayload = { chatId: string; streamId: string; reason: AiHandoffReason };

/** The chat changed hands; `state` is the new state. */
export type AiHandoffPayload = { chatId: string; reason: AiHandoffReason; state: AiChatState };

// ---------------------------------------------------------------------------------------------
// REST: transitions, copilot, usage
// ---------------------------------------------------------------------------------------------

/** One change of who answers a chat (GET /chats/:chatId/transitions; `chat:transition` live). */
export const chatTransitionDtoSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  from: aiChatStateSchema.nullable(),
  to: aiChatStateSchema,
  reason: aiHandoffReasonSchema,
  /** What went wrong or who acted ("Invalid API key (401)", an operator's name). */
  detail: z.string().nullable(),
  createdAt: z.string(),
});
export type ChatTransitionDto = z.infer<typeof chatTransitionDtoSchema>;

/** POST /chats/:chatId/ai/suggest — a draft answer for the operator (never sent by itself). */
export const aiSuggestionDtoSchema = z.object({ text: z.string() });
export type AiSuggestionDto = z.infer<typeof aiSuggestionDtoSchema>;

/** GET /sites/:siteId/ai/usage?days=30 — tokens spent per UTC day, oldest first. */
export const aiUsageQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export type AiUsageQuery = z.input<typeof aiUsageQuerySchema>;

export const aiUsageDayDtoSchema = z.object({
  /** "YYYY-MM-DD" (UTC). */
  day: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  requests: z.number().int(),
  handoffs: z.number().int(),
});
export type AiUsageDayDto = z.infer<typeof aiUsageDayDtoSchema>;

/** `chat:handback` (admin → server): the operator gives the chat back to the AI. */
export const chatHandbackPayloadSchema = z.object({ chatId: idSchema });
export type ChatHandbackPayload = z.input<typeof chatHandbackPayloadSchema>;
