import { ATTACHMENT_MIME_TYPES, type AttachmentMimeType, TEXT_ATTACHMENT_EXTENSIONS } from '@chatiq/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../common/errors/app-error.js';

/** Sniffed types that are served as one of ours (an animated PNG is a PNG to every browser). */
const ALIASES: Record<string, AttachmentMimeType> = { 'image/apng': 'image/png' };

const ALLOWED_LIST = 'PNG, JPEG, GIF, WebP, PDF, and UTF-8 text (.txt, .csv, .log)';

/** What the type decision looks at: the name (for text only), the size and the first bytes. */
export type SniffInput = { name: string; size: number; head: Uint8Array; textual: boolean };

/**
 * The type of an upload, from its bytes: file-type's verdict when it recognises the content, or
 * text when it recognises nothing and the bytes are UTF-8 without NULs in a .txt/.csv/.log file.
 * The client's filename extension (other than for text) and Content-Type play no part. Throws
 * `validation_failed` (path `file`) naming the refused type.
 */
export async function sniffAttachmentType(input: SniffInput): Promise<AttachmentMimeType> {
  if (input.size === 0) throw refuse('The file is empty');
  const detected = await fileTypeFromBuffer(input.head);
  if (detected) {
    const mime = ALIASES[detected.mime] ?? detected.mime;
    if (isAllowed(mime)) return mime;
    throw refuse(`Files of type ${detected.mime} (.${detected.ext}) are not allowed; allowed: ${ALLOWED_LIST}`);
  }
  const lower = input.name.toLowerCase();
  const textExtension = TEXT_ATTACHMENT_EXTENSIONS.find((ext) => lower.endsWith(ext));
  if (textExtension && input.textual) return textExtension === '.csv' ? 'text/csv' : 'text/plain';
  if (textExtension) throw refuse(`${textExtension} files must be UTF-8 text without NUL bytes`);
  throw refuse(
    `The content of this file is not of an allowed type (it is not what its name says, or not recognised); allowed: ${ALLOWED_LIST}`,
  );
}

function isAllowed(mime: string): mime is AttachmentMimeType {
  return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(mime);
}

function refuse(message: string): AppError {
  return new AppError('validation_failed', message, [{ path: ['file'], message }]);
}

/**
 * The name kept for display and the download's filename: the last path segment, NFC, without
 * control or bidirectional-control characters (U+202E can make `gnp.exe` read as `exe.png`), at
 * most 200 characters (keeping the extension), never empty.
 */
export function cleanFileName(original: string | undefined): string {
  const base = (original ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((c) => !isInvisibleControl(c.codePointAt(0) ?? 0))
    .join('')
    .trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return 'file';
  const chars = [...cleaned];
  if (chars.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return chars.slice(0, 200 - [...ext].length).join('') + ext;
}

/** C0/C1 controls, and the bidirectional marks, embeddings, overrides and isolates. */
function isInvisibleControl(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}
