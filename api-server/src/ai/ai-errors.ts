import type { AiSettingsStatus } from '@chatiq/contracts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';

/**
 * Why a call to the AI provider did not produce an answer. Stable: the caller hands the chat to
 * humans on every reason but `aborted` and shows the reason (and message) in the site's settings.
 *
 * - `invalid_key`: 401, the key is wrong or revoked.
 * - `no_access`: 403, or 404 for an unknown model or vector store; the key cannot use what the
 *   settings name.
 * - `rate_limited`: 429, a rate limit or (`code: insufficient_quota`) no quota left.
 * - `timeout`: no response, or the stream went silent, for longer than the configured timeout.
 * - `upstream_error`: 5xx, connection refused or dropped, malformed stream, rejected request.
 * - `aborted`: WE stopped it (e.g. an operator took the chat over); not a failure.
 */
export type AiErrorReason = 'invalid_key' | 'no_access' | 'rate_limited' | 'timeout' | 'upstream_error' | 'aborted';

export type AiErrorDetails = {
  /** HTTP status from the provider, when there was one. */
  status?: number;
  /** The provider's error code (`insufficient_quota`, `model_not_found`…). */
  code?: string;
  /** For `rate_limited`: how long the provider asked us to wait. */
  retryAfterMs?: number;
  /** What the provider itself said (redacted), e.g. "No vector store found with id 'vs_…'". */
  upstreamMessage?: string;
  cause?: unknown;
};

/** The one error the AI client throws. The message is for admins and logs, never for visitors. */
export class AiError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly upstreamMessage: string | undefined;

  constructor(
    readonly reason: AiErrorReason,
    message: string,
    details: AiErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AiError';
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.upstreamMessage = details.upstreamMessage;
  }

  /** True when we stopped the request ourselves: the chat is not handed over because of it. */
  get isAbort(): boolean {
    return this.reason === 'aborted';
  }
}

/** The settings status an admin sees after a failed key check or answer. */
export function settingsStatusFor(reason: Exclude<AiErrorReason, 'aborted'>): AiSettingsStatus {
  switch (reason) {
    case 'invalid_key':
    case 'no_access':
    case 'rate_limited':
      return reason;
    case 'timeout':
    case 'upstream_error':
      return 'error';
  }
}

export type ClassifyOptions = {
  /** Strings to cut out of every message (the site's key: some servers echo it back). */
  secrets?: readonly string[];
};

const MAX_UPSTREAM_MESSAGE = 500;

/**
 * Turns anything thrown by the openai SDK, fetch or a stream into an `AiError`. Uses the SDK's
 * error classes (and the HTTP status they carry); strings are only read for the message.
 */
export function toAiError(error: unknown, options: ClassifyOptions = {}): AiError {
  if (error instanceof AiError) {
    return error;
  }
  const clean = (text: string) => redactSecrets(text, options.secrets);

  // Before APIError: these two extend it without a status.
  if (error instanceof APIUserAbortError) {
    // The SDK keeps the signal's reason as `cause`; our own deadline aborts with a TimeoutError.
    return isTimeoutReason(error.cause)
      ? new AiError('timeout', 'The AI server did not answer in time', { cause: error })
      : new AiError('aborted', 'The request was stopped', { cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new AiError('timeout', 'The AI server did not answer in time', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    const detail = describeCause(error.cause);
    return new AiError('upstream_error', clean(`Could not connect to the AI server${detail ? ` (${detail})` : ''}`), { cause: error });
  }
  if (error instanceof APIError) {
    return fromApiError(error, clean);
  }
  if (isTimeoutReason(error)) {
    return new AiError('timeout', 'The AI server did not answer in time', { cause: error });
  }
  if (isAbortReason(error)) {
    return new AiError('aborted', 'The request was stopped', { cause: error });
  }
  if (error instanceof SyntaxError) {
    // The SDK throws a SyntaxError for an SSE event whose data is not JSON.
    return new AiError('upstream_error', clean(`The AI server sent a malformed stream: ${error.message}`), { cause: error });
  }
  if (error instanceof TypeError) {
    // Node's fetch reports a connection that broke mid-body as TypeError("terminated").
    const detail = describeCause(error.cause) ?? error.message;
    return new AiError('upstream_error', clean(`The connection to the AI server broke (${detail})`), { cause: error });
  }
  if (error instanceof OpenAIError) {
    return new AiError('upstream_error', clean(`The AI request failed: ${error.message}`), { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AiError('upstream_error', clean(`The AI request failed: ${message}`), { cause: error });
}

function fromApiError(error: APIError, clean: (text: string) => string): AiError {
  const upstream = clean(upstreamMessage(error));
  const details: AiErrorDetails = {
    status: error.status,
    code: error.code ?? undefined,
    upstreamMessage: upstream || undefined,
    cause: error,
  };
  const withUpstream = (text: string) => (upstream ? `${text}: ${upstream}` : text);

  if (error instanceof AuthenticationError) {
    return new AiError('invalid_key', withUpstream('The AI server rejected the API key (401)'), details);
  }
  if (error instanceof PermissionDeniedError) {
    return new AiError('no_access', withUpstream('The API key lacks access (403)'), details);
  }
  if (error instanceof NotFoundError) {
    return new AiError('no_access', withUpstream('Not found with this API key (404) — check the model and vector store ids'), details);
  }
  if (error instanceof RateLimitError || isRateLimitCode(error.code)) {
    const retryAfterMs = retryAfter(error.headers);
    const retry = retryAfterMs === undefined ? '' : `, retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    // An in-stream error event has no HTTP status; its code says what happened.
    const status = error.status ?? 'in stream';
    return error.code === 'insufficient_quota' || error.type === 'insufficient_quota'
      ? new AiError(
          'rate_limited',
          withUpstream(`The provider account has no quota left (${status} insufficient_quota) — check plan and billing`),
          {
            ...details,
            code: 'insufficient_quota',
          },
        )
      : new AiError('rate_limited', withUpstream(`Rate limit reached (${status}${retry})`), { ...details, retryAfterMs });
  }
  if (error instanceof BadRequestError && refersToModelOrKnowledge(error)) {
    // Some servers answer 400 rather than 404 for a model or vector store the key cannot use.
    return new AiError('no_access', withUpstream('The model or knowledge is not available to this API key (400)'), details);
  }
  if (error.code === 'invalid_api_key') {
    return new AiError('invalid_key', withUpstream('The AI server rejected the API key'), details);
  }
  if (error.status === undefined) {
    // An `error` event inside a stream that had already started with 200.
    return new AiError('upstream_error', withUpstream('The AI server reported an error mid-stream'), details);
  }
  if (error.status >= 500) {
    return new AiError('upstream_error', withUpstream(`The AI server failed (${error.status})`), details);
  }
  return new AiError('upstream_error', withUpstream(`The AI server rejected the request (${error.status})`), details);
}

/** The provider's own words (`{ error: { message } }`), without the SDK's status prefix. */
function upstreamMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : typeof body === 'string' ? body : '';
  return message.length > MAX_UPSTREAM_MESSAGE ? `${message.slice(0, MAX_UPSTREAM_MESSAGE)}…` : message;
}

function isRateLimitCode(code: string | null | undefined): boolean {
  return code === 'rate_limit_exceeded' || code === 'insufficient_quota';
}

function refersToModelOrKnowledge(error: APIError): boolean {
  return error.code === 'model_not_found' || /vector_store|^model$/.test(error.param ?? '');
}

/** `retry-after-ms` (OpenAI) or `retry-after` in seconds or as an HTTP date. */
function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) {
    return ms;
  }
  const value = headers?.get('retry-after');
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isTimeoutReason(value: unknown): boolean {
  return value instanceof Error && value.name === 'TimeoutError';
}

function isAbortReason(value: unknown): boolean {
  return value instanceof Error && value.name === 'AbortError';
}

/** The innermost useful detail of a network error: `ECONNREFUSED`, "other side closed"… */
function describeCause(cause: unknown): string | undefined {
  let current = cause;
  let detail: string | undefined;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    if (current.message && current.message !== 'fetch failed') {
      detail = current.message;
    }
    current = current.cause;
  }
  return detail;
}

/**
 * Removes API keys from text meant for logs and the admin: the given secrets, and anything shaped
 * like an OpenAI key (`sk-…`, which OpenAI's own 401 message quotes partly masked).
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result.replace(/\bsk-[A-Za-z0-9_*-]+/g, 'sk-[redacted]');
}
