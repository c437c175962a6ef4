import { MAX_ATTACHMENT_BYTES, widgetAttachmentPath } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { attachmentUrl, describeUploadFailure, uploadOutcome } from './upload.js';

describe('uploadOutcome', () => {
  it('reads the stored message of a 201', () => {
    const message = { id: 'm1', chatId: 'c1', attachment: { name: 'a.png', type: 'image/png', size: 3 } };
    expect(uploadOutcome(201, { message })).toEqual({ ok: true, message });
  });

  it('reads the error code of a refusal', () => {
    expect(uploadOutcome(413, { code: 'payload_too_large', message: 'too big' })).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
    });
    // With the limit the server says.
    expect(uploadOutcome(413, { code: 'payload_too_large', message: 'too big', maxBytes: 1024 })).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
      maxBytes: 1024,
    });
    expect(uploadOutcome(400, { code: 'validation_failed', message: 'type' })).toEqual({
      ok: false,
      status: 400,
      code: 'validation_failed',
    });
    expect(uploadOutcome(502, null)).toEqual({ ok: false, status: 502, code: null });
  });

  it('does not take a success without a message for one', () => {
    expect(uploadOutcome(201, { nope: true })).toEqual({ ok: false, status: 500, code: null });
  });
});

describe('describeUploadFailure', () => {
  it('size and type refusals are final', () => {
    // The server's limit when it said it, else the contract's default.
    expect(describeUploadFailure({ status: 413, code: 'payload_too_large', maxBytes: 20 * 1024 * 1024 }, 50_000_000)).toEqual({
      reason: 'fileTooLarge',
      retryable: false,
      maxBytes: 20 * 1024 * 1024,
    });
    expect(describeUploadFailure({ status: 413, code: null }, 50_000_000)).toEqual({
      reason: 'fileTooLarge',
      retryable: false,
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    expect(describeUploadFailure({ status: 400, code: 'validation_failed' }, 10)).toEqual({ reason: 'fileTypeRejected', retryable: false });
    expect(describeUploadFailure({ status: 400, code: 'validation_failed' }, 0)).toEqual({ reason: 'fileEmpty', retryable: false });
  });

  it('network failures, limits and server errors can be retried', () => {
    expect(describeUploadFailure({ status: 0, code: null }, 10)).toEqual({ reason: 'uploadFailed', retryable: true });
    expect(describeUploadFailure({ status: 429, code: 'rate_limited' }, 10)).toEqual({ reason: 'rateLimited', retryable: true });
    expect(describeUploadFailure({ status: 503, code: 'database_unavailable' }, 10)).toEqual({ reason: 'uploadFailed', retryable: true });
  });

  it('other refusals follow the contract retry rule', () => {
    expect(describeUploadFailure({ status: 404, code: 'chat_not_found' }, 10)).toEqual({ reason: 'uploadFailed', retryable: false });
    expect(describeUploadFailure({ status: 403, code: 'origin_not_allowed' }, 10)).toEqual({ reason: 'uploadFailed', retryable: false });
    expect(describeUploadFailure({ status: 500, code: 'internal_error' }, 10)).toEqual({ reason: 'uploadFailed', retryable: true });
  });
});

describe('attachmentUrl', () => {
  it("is the contract's widget download path on the API", () => {
    const ref = { siteId: 'site_demo', visitorId: 'v 1&x' };
    expect(attachmentUrl('https://api.example.com', 'm/1', ref.siteId, ref.visitorId)).toBe(
      `https://api.example.com${widgetAttachmentPath('m/1', ref)}`,
    );
  });
});
