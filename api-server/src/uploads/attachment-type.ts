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
  const detected = believable(await fileTypeFromBuffer(input.head), input);
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

/**
 * file-type's verdict, unless it rests on too little: it calls anything that starts with "BM" a
 * BMP (a .txt file that begins "BMW…" would be refused as an image), so a BMP must have a whole,
 * consistent header to count; anything else falls through to the text rules.
 */
function believable<T extends { mime: string }>(detected: T | undefined, input: SniffInput): T | undefined {
  if (detected?.mime === 'image/bmp' && !hasBmpHeader(input.head, input.size)) return undefined;
  return detected;
}

/** The DIB header sizes of the BMP versions in use (OS/2 1.x, BITMAPINFOHEADER, V2, V3, OS/2 2.x, V4, V5). */
const BMP_DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/**
 * A BMP file header that agrees with itself and the file: "BM", the file's size, reserved bytes
 * zero, a known DIB header size, and the pixels starting after both headers and inside the file.
 */
export function hasBmpHeader(head: Uint8Array, size: number): boolean {
  if (head.length < 18 || head[0] !== 0x42 || head[1] !== 0x4d) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const fileSize = view.getUint32(2, true);
  const reserved = view.getUint32(6, true);
  const pixelOffset = view.getUint32(10, true);
  const dibSize = view.getUint32(14, true);
  return fileSize === size && reserved === 0 && BMP_DIB_HEADER_SIZES.has(dibSize) && pixelOffset >= 14 + dibSize && pixelOffset < size;
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
