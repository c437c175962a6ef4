import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES, TEXT_ATTACHMENT_EXTENSIONS } from '@chatiq/contracts';

/** Why a file cannot be sent, found before uploading it (the server checks again, by content). */
export type AttachmentProblem = 'empty' | 'too_large' | 'type';

/** What the file picker accepts: the contract's types and text extensions. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_MIME_TYPES, ...TEXT_ATTACHMENT_EXTENSIONS].join(',');

/**
 * A quick look at a chosen file: empty, over the size limit, or of a type the server refuses
 * for sure. The browser's type comes from the name, so anything it cannot name is left to the
 * server, which sniffs the bytes.
 */
export function checkAttachment(
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
