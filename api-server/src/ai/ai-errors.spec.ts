// Classification of the SDK's own error objects (built with the SDK's factory, as it builds them
// from a response). The same paths are exercised over the wire in ai-client.spec.ts.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { EgressRefusedError } from '../common/egress/egress-agent.js';
import { ADDRESS_REFUSED_MESSAGE, AiError, redactSecrets, settingsStatusFor, toAiError } from './ai-errors.js';

function sdkError(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { error }, undefined, new Headers(headers));
}

describe('toAiError', () => {
  it.each([
    [401, { message: 'Incorrect API key provided', code: 'invalid_api_key' }, 'invalid_key'],
    [403, { message: 'Project does not have access to model gpt-5' }, 'no_access'],
    [404, { message: "No vector store found with id 'vs_x'." }, 'no_access'],
    [404, { message: 'The model `x` does not exist', code: 'model_not_found' }, 'no_access'],
    [400, { message: 'Invalid vector store', param: 'tools[0].vector_store_ids' }, 'no_access'],
    [400, { message: 'max_output_tokens is too large', param: 'max_output_tokens' }, 'upstream_error'],
    [429, { message: 'Too many requests, slow down', code: 'rate_limit_exceeded' }, 'rate_limited'],
    [429, { message: 'You exceeded your current quota', code: 'insufficient_quota', type: 'insufficient_quota' }, 'rate_limited'],
    [500, { message: 'The server had an error' }, 'upstream_error'],
    [503, { message: 'Overloaded' }, 'upstream_error'],
    [422, { message: 'Unprocessable' }, 'upstream_error'],
  ] as const)('maps HTTP %i %o to %s', (status, body, reason) => {
    const error = toAiError(sdkError(status, body));
    expect(error).toBeInstanceOf(AiError);
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
    // The provider's words never reach the message: a base URL can point at any server.
    expect(error.message).not.toContain(body.message);
    expect(error.message).toContain(`(${status}`);
  });

  it('tells missing quota from a rate limit, and keeps the wait the server asked for', () => {
    const quota = toAiError(sdkError(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }));
    expect(quota.code).toBe('insufficient_quota');
    expect(quota.message).toMatch(/no quota left/);

    const limited = toAiError(sdkError(429, { message: 'Slow down', code: 'rate_limit_exceeded' }, { 'retry-after-ms': '1500' }));
    expect(limited.retryAfterMs).toBe(1500);
    expect(limited.message).toBe('Rate limit reached (429 rate_limit_exceeded, retry after 2 s)');
    expect(toAiError(sdkError(429, { message: 'x' }, { 'retry-after': '7' })).retryAfterMs).toBe(7000);
  });

  it('maps an error event inside a stream (no status) by its code', () => {
    expect(toAiError(new APIError(undefined, { message: 'busy', code: 'rate_limit_exceeded' }, undefined, undefined)).reason).toBe(
      'rate_limited',
    );
    expect(toAiError(new APIError(undefined, { message: 'boom', code: 'server_error' }, undefined, undefined)).reason).toBe(
      'upstream_error',
    );
  });

  it('maps the SDK timeout and an abort by a TimeoutError reason to timeout', () => {
    expect(toAiError(new APIConnectionTimeoutError()).reason).toBe('timeout');
    const byDeadline = new APIUserAbortError();
    Object.defineProperty(byDeadline, 'cause', { value: new DOMException('late', 'TimeoutError') });
    expect(toAiError(byDeadline).reason).toBe('timeout');
    expect(toAiError(new DOMException('late', 'TimeoutError')).reason).toBe('timeout');
  });

  it('maps our own abort to aborted, which is not a failure', () => {
    const error = toAiError(new APIUserAbortError());
    expect(error.reason).toBe('aborted');
    expect(error.isAbort).toBe(true);
    expect(toAiError(new DOMException('stop', 'AbortError')).reason).toBe('aborted');
  });

  it('maps network and stream failures to upstream_error with the low-level detail', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const connection = toAiError(new APIConnectionError({ cause: new TypeError('fetch failed', { cause: refused }) }));
    expect(connection).toMatchObject({ reason: 'upstream_error', message: 'Could not connect to the AI server (ECONNREFUSED)' });

    expect(toAiError(new SyntaxError('Unexpected token \'i\', "internal body" is not valid JSON')).message).toBe(
      'The AI server sent a malformed stream',
    );
    expect(toAiError(new TypeError('terminated')).message).toBe('The connection to the AI server broke (terminated)');
    expect(toAiError(new OpenAIError('Attempted to iterate over a response with no body')).reason).toBe('upstream_error');
    expect(toAiError('something odd').reason).toBe('upstream_error');
  });

  it('passes an AiError through unchanged', () => {
    const error = new AiError('timeout', 'late');
    expect(toAiError(error)).toBe(error);
  });

  it('repeats nothing of what the server sent: not its message (nor a key in it), not a code it made up', () => {
    const key = 'my-self-hosted-secret-token';
    const error = toAiError(sdkError(401, { message: `Token ${key} is not valid; db password hunter2`, code: 'internal <b>detail</b>' }), {
      secrets: [key],
    });
    expect(error.message).toBe('The AI server rejected the API key (401)');
    expect(error.code).toBeUndefined();
    expect(toAiError(sdkError(500, { message: 'x'.repeat(5000) })).message).toBe('The AI server failed (500)');
  });

  it('names a code OpenAI documents', () => {
    expect(toAiError(sdkError(401, { message: 'x', code: 'invalid_api_key' })).message).toBe(
      'The AI server rejected the API key (401 invalid_api_key)',
    );
  });

  it('answers an egress refusal with one fixed text, whatever was refused', () => {
    const refused = (detail: string) =>
      new APIConnectionError({ cause: new TypeError('fetch failed', { cause: new EgressRefusedError(detail) }) });
    const loopback = toAiError(refused('127.0.0.1:5432 → 127.0.0.1 loopback'));
    const metadata = toAiError(refused('169.254.169.254:80 → 169.254.169.254 linkLocal'));
    expect(loopback).toMatchObject({ reason: 'address_refused', message: ADDRESS_REFUSED_MESSAGE });
    expect(metadata.message).toBe(loopback.message);
    expect(settingsStatusFor('address_refused')).toBe('error');
  });
});

describe('redactSecrets', () => {
  it('redacts the given secrets and anything shaped like an OpenAI key, keeping the punctuation', () => {
    expect(redactSecrets('key sk-abc_DEF-123. Next', [])).toBe('key sk-[redacted]. Next');
    expect(redactSecrets('abcd and abcd', ['abcd'])).toBe('[redacted] and [redacted]');
    // Too short to be a key: left alone so ordinary words survive.
    expect(redactSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('settingsStatusFor', () => {
  it('maps failure reasons to what the settings page shows', () => {
    expect(settingsStatusFor('invalid_key')).toBe('invalid_key');
    expect(settingsStatusFor('no_access')).toBe('no_access');
    expect(settingsStatusFor('rate_limited')).toBe('rate_limited');
    expect(settingsStatusFor('timeout')).toBe('error');
    expect(settingsStatusFor('upstream_error')).toBe('error');
  });
});
