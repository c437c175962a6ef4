import { isInlineAttachmentType } from '@chatiq/contracts';

/** How long a browser may keep an attachment (they never change; access is per person). */
export const ATTACHMENT_MAX_AGE_SECONDS = 3600;

export type AttachmentHeadersInput = { name: string; type: string; size: number };

/**
 * Headers that make a stored file safe to serve from the API's origin: the sniffed type with
 * `nosniff` (the browser may not guess another), a CSP that runs nothing even if it were
 * rendered as a document, images inline (previews) and everything else as a download.
 */
export function attachmentHeaders(file: AttachmentHeadersInput): Record<string, string> {
  const inline = isInlineAttachmentType(file.type);
  return {
    'Content-Type': file.type.startsWith('text/') ? `${file.type}; charset=utf-8` : file.type,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': `private, max-age=${ATTACHMENT_MAX_AGE_SECONDS}`,
  };
}

/** `inline|attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>` */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
