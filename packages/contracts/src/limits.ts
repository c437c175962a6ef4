/**
 * The limits every client and the server share (zod-free: the widget bundles this through
 * `@chatiq/contracts/protocol`). The contract's schemas are built from the same constants, so a
 * composer's `maxlength`, a file picker's `accept` and what the server takes never disagree.
 */

/** Longest message (and attachment caption, and quick template), in characters, after trimming. */
export const MAX_MESSAGE_LENGTH = 5000;

/** The types an attachment may have (what the server sniffs and serves it as). */
export const ATTACHMENT_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** Served `inline` (previewed); every other type is served as a download. */
export const INLINE_ATTACHMENT_TYPES: readonly AttachmentMimeType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Text has no magic number: a file is accepted as text only when its bytes are valid UTF-8
 * without NUL bytes and its name ends in one of these.
 */
export const TEXT_ATTACHMENT_EXTENSIONS = ['.txt', '.csv', '.log'] as const;

/** Largest attachment, in bytes, by default (the server's `UPLOAD_MAX_BYTES` may differ). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The multipart field that carries the file. */
export const ATTACHMENT_FILE_FIELD = 'file';

/** What a file picker offers (its `accept`): the attachment types and the text extensions. Only a hint: the server decides from the bytes. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_MIME_TYPES, ...TEXT_ATTACHMENT_EXTENSIONS].join(',');

/** Why a file cannot be sent, found before uploading it (the server checks again, by content). */
export type AttachmentProblem = 'empty' | 'too_large' | 'type';

/**
 * A quick look at a chosen file: empty, over the size limit, or of a type the server refuses
 * for sure. The browser's type comes from the name, so anything it cannot name is left to the
 * server, which sniffs the bytes.
 */
export function attachmentProblem(
  file: { name: string; size: number; type: string },
  maxBytes = MAX_ATTACHMENT_BYTES,
): AttachmentProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'too_large';
  const name = file.name.toLowerCase();
  if (TEXT_ATTACHMENT_EXTENSIONS.some((ext) => name.endsWith(ext))) return null;
  if (file.type && !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type)) return 'type';
  return null;
}

export function isInlineAttachmentType(type: string): boolean {
  return (INLINE_ATTACHMENT_TYPES as readonly string[]).includes(type);
}
