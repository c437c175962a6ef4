import type { AttachmentUploadResult, ErrorCode, MessageDto } from '@chatiq/contracts';
import { ATTACHMENT_FILE_FIELD, isRetryableError, MAX_ATTACHMENT_BYTES } from '@chatiq/contracts/protocol';

export type UploadOutcome =
  | { ok: true; message: MessageDto }
  /** `status` 0: no answer (network error, the page went offline, CORS). `maxBytes`: the server's limit, when it said it. */
  | { ok: false; status: number; code: ErrorCode | null; maxBytes?: number };

export interface UploadRequest {
  apiUrl: string;
  siteId: string;
  visitorId: string;
  clientId: string;
  file: Blob;
  fileName: string;
  /** 0…1 as the bytes go out. */
  onProgress(fraction: number): void;
}

/**
 * Sends one file to `POST {apiUrl}/widget/attachments` as multipart/form-data. XMLHttpRequest, not
 * fetch: only it reports upload progress. A simple CORS request (no custom headers), so no preflight.
 */
export function uploadAttachment(request: UploadRequest): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.append('siteId', request.siteId);
    form.append('visitorId', request.visitorId);
    form.append('clientId', request.clientId);
    form.append(ATTACHMENT_FILE_FIELD, request.file, request.fileName);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${request.apiUrl}/widget/attachments`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => resolve(uploadOutcome(xhr.status, xhr.response)));
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, code: null }));
    xhr.addEventListener('abort', () => resolve({ ok: false, status: 0, code: null }));
    xhr.send(form);
  });
}

/** The route's answer, as an outcome: the stored message, or the status and error code. Pure. */
export function uploadOutcome(status: number, body: unknown): UploadOutcome {
  if (status >= 200 && status < 300 && isRecord(body) && isRecord(body.message) && typeof body.message.id === 'string') {
    return { ok: true, message: (body as AttachmentUploadResult).message };
  }
  const code = isRecord(body) && typeof body.code === 'string' ? (body.code as ErrorCode) : null;
  const outcome: UploadOutcome = { ok: false, status: status >= 200 && status < 300 ? 500 : status, code };
  if (isRecord(body) && typeof body.maxBytes === 'number' && body.maxBytes > 0) outcome.maxBytes = body.maxBytes;
  return outcome;
}

export interface UploadFailure {
  /** Which of the widget's strings says what went wrong. */
  reason: 'fileTooLarge' | 'fileTypeRejected' | 'fileEmpty' | 'rateLimited' | 'uploadFailed';
  /** Whether sending the same file again could work (else the visitor can only remove it): the contract's retry rule. */
  retryable: boolean;
  /** With `fileTooLarge`: the largest file the server takes (as it said, else the contract's default). */
  maxBytes?: number;
}

/** Why an upload failed, for the visitor. `fileSize` tells an empty file from a refused type. Pure. */
export function describeUploadFailure(
  outcome: { status: number; code: ErrorCode | null; maxBytes?: number },
  fileSize: number,
): UploadFailure {
  if (outcome.code === 'payload_too_large' || outcome.status === 413) {
    return { reason: 'fileTooLarge', retryable: false, maxBytes: outcome.maxBytes ?? MAX_ATTACHMENT_BYTES };
  }
  if (outcome.code === 'validation_failed') {
    return { reason: fileSize === 0 ? 'fileEmpty' : 'fileTypeRejected', retryable: false };
  }
  if (outcome.code === 'rate_limited' || outcome.status === 429) return { reason: 'rateLimited', retryable: true };
  // No answer (status 0) or no code: worth another try; else the code says.
  return { reason: 'uploadFailed', retryable: outcome.code === null || isRetryableError(outcome.code) };
}

/** The visitor's download address of a message's file (the contract's `widgetAttachmentPath`). */
export function attachmentUrl(apiUrl: string, messageId: string, siteId: string, visitorId: string): string {
  const query = new URLSearchParams({ siteId, visitorId });
  return `${apiUrl}/widget/attachments/${encodeURIComponent(messageId)}?${query}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
