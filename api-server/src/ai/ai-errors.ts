import type { AiSettingsStatus } from '@chatiq/contracts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { isEgressRefusal } from '../common/egress/egress-agent.js';

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
 * - `address_refused`: the base URL leads to a local, private or special address this server does
 *   not connect to (EGRESS_ALLOW can allow it); nothing was sent there.
 * - `aborted`: WE stopped it (e.g. an operator took the chat over); not a failure.
 *
 * Messages are ours: the status, a known error code, never the provider's own words (a base URL
 * can point at any server, and what it answers is not for the admin's screen).
 */
export type AiErrorReason = 'invalid_key' | 'no_access' | 'rate_limited' | 'timeout' | 'upstream_error' | 'address_refused' | 'aborted';

export type AiErrorDetails = {
  /** HTTP status from the provider, when there was one. */
  status?: number;
  /** The provider's error code when it is one we know (`insufficient_quota`, `model_not_found`…). */
  code?: string;
  /** For `rate_limited`: how long the provider asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
};

/** The one error the AI client throws. The message is for admins and logs, never for visitors. */
export class AiError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

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
  }

  /** True when we stopped the request ourselves: the chat is not handed over because of it. */
  get isAbort(): boolean {
    return this.reason === 'aborted';
  }
}

/** The same text for every refused destination (which address, which port, open or closed are never told apart). */
export const ADDRESS_REFUSED_MESSAGE =
  'The AI base URL leads to a local or private network address, which this server does not connect to (its EGRESS_ALLOW setting can allow it)';

/** The settings status an admin sees after a failed key check or answer. */
export function settingsStatusFor(reason: Exclude<AiErrorReason, 'aborted'>): AiSettingsStatus {
  switch (reason) {
    case 'invalid_key':
    case 'no_access':
    case 'rate_limited':
      return reason;
    case 'timeout':
    case 'upstream_error':
    case 'address_refused':
      return 'error';
  }
}

export type ClassifyOptions = {
  /** Strings to cut out of every message (the site's key). */
  secrets?: readonly string[];
};

/**
 * Error codes of OpenAI (and servers that copy its errors) that messages may name: a code is text
 * the server chose, so only these known ones are repeated.
 */
const KNOWN_CODES = new Set([
  'invalid_api_key',
  'invalid_organization',
  'insufficient_quota',
  'rate_limit_exceeded',
  'model_not_found',
  'context_length_exceeded',
  'unsupported_model',
  'server_error',
  'invalid_prompt',
]);

/**
 * Turns anything thrown by the openai SDK, fetch or a stream into an `AiError`. Uses the SDK's
 * error classes (and the HTTP status they carry) and our own words: nothing the server sent
 * (body, message, arbitrary codes) reaches the message.
 */
export function toAiError(error: unknown, options: ClassifyOptions = {}): AiError {
  if (error instanceof AiError) {
    return error;
  }
  if (isEgressRefusal(error)) {
    return new AiError('address_refused', ADDRESS_REFUSED_MESSAGE, { cause: error });
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
    const detail = errorCode(error.cause);
    return new AiError('upstream_error', clean(`Could not connect to the AI server${detail ? ` (${detail})` : ''}`), { cause: error });
  }
  if (error instanceof APIError) {
    return fromApiError(error);
  }
  if (isTimeoutReason(error)) {
    return new AiError('timeout', 'The AI server did not answer in time', { cause: error });
  }
  if (isAbortReason(error)) {
    return new AiError('aborted', 'The request was stopped', { cause: error });
  }
  if (error instanceof SyntaxError) {
    // The SDK throws a SyntaxError for an SSE event whose data is not JSON (its message quotes the data).
    return new AiError('upstream_error', 'The AI server sent a malformed stream', { cause: error });
  }
  if (error instanceof TypeError) {
    // Node's fetch reports a connection that broke mid-body as TypeError("terminated").
    const detail = errorCode(error.cause) ?? (error.message === 'terminated' ? 'terminated' : undefined);
    return new AiError('upstream_error', `The connection to the AI server broke${detail ? ` (${detail})` : ''}`, { cause: error });
  }
  return new AiError('upstream_error', 'The AI request failed', { cause: error });
}

function fromApiError(error: APIError): AiError {
  const code = knownCode(error.code) ?? knownCode(error.type);
  const details: AiErrorDetails = { status: error.status, code, cause: error };
  // An in-stream error event has no HTTP status; its code says what happened.
  const status = error.status ?? 'in stream';
  const said = (text: string, extra = '') => `${text} (${status}${code ? ` ${code}` : ''}${extra})`;

  if (error instanceof AuthenticationError) {
    return new AiError('invalid_key', said('The AI server rejected the API key'), details);
  }
  if (error instanceof PermissionDeniedError) {
    return new AiError('no_access', said('The API key lacks access'), details);
  }
  if (error instanceof NotFoundError) {
    return new AiError('no_access', said('Not found with this API key'), details);
  }
  if (error instanceof RateLimitError || isRateLimitCode(error.code)) {
    if (error.code === 'insufficient_quota' || error.type === 'insufficient_quota') {
      return new AiError('rate_limited', `The provider account has no quota left (${status} insufficient_quota) — check plan and billing`, {
        ...details,
        code: 'insufficient_quota',
      });
    }
    const retryAfterMs = retryAfter(error.headers);
    const retry = retryAfterMs === undefined ? '' : `, retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    return new AiError('rate_limited', said('Rate limit reached', retry), { ...details, retryAfterMs });
  }
  if (error instanceof BadRequestError && refersToModelOrKnowledge(error)) {
    // Some servers answer 400 rather than 404 for a model or vector store the key cannot use.
    return new AiError('no_access', said('The model or knowledge is not available to this API key'), details);
  }
  if (error.code === 'invalid_api_key') {
    return new AiError('invalid_key', said('The AI server rejected the API key'), details);
  }
  if (error.status === undefined) {
    // An `error` event inside a stream that had already started with 200.
    return new AiError('upstream_error', said('The AI server reported an error mid-stream'), details);
  }
  if (error.status >= 500) {
    return new AiError('upstream_error', said('The AI server failed'), details);
  }
  return new AiError('upstream_error', said('The AI server rejected the request'), details);
}

function knownCode(code: string | null | undefined): string | undefined {
  return code && KNOWN_CODES.has(code) ? code : undefined;
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

/** The innermost system or undici error code of a network error (`ECONNREFUSED`, `UND_ERR_SOCKET`…). */
function errorCode(cause: unknown): string | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) {
      return code;
    }
    current = current.cause;
  }
  return undefined;
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
