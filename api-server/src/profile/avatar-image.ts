import { AVATAR_MAX_BYTES, AVATAR_MIME_TYPES, AVATAR_SIZE, formatBytes } from '@chatiq/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../common/errors/app-error.js';

/** The most pixels an avatar's source may have (a 24-megapixel photo; bigger is a decompression bomb risk). */
const MAX_INPUT_PIXELS = 24_000_000;

const ALLOWED = 'PNG, JPEG or WebP';

/**
 * An uploaded avatar made safe and small: its type sniffed from the bytes (PNG, JPEG or WebP; the
 * name and the client's Content-Type play no part), decoded with a pixel limit, turned upright by
 * its EXIF orientation, cropped to the centre square and resized to AVATAR_SIZE, re-encoded as WebP
 * (so nothing of the original file, metadata included, is served). Throws `validation_failed`
 * (path `file`) for an empty, unknown, refused or unreadable image.
 */
export async function squareAvatar(bytes: Buffer): Promise<Buffer> {
  if (bytes.length === 0) throw refuse('The file is empty');
  if (bytes.length > AVATAR_MAX_BYTES) throw tooLarge();
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(AVATAR_MIME_TYPES as readonly string[]).includes(detected.mime)) {
    throw refuse(`An avatar must be a ${ALLOWED} image${detected ? ` (this file is ${detected.mime})` : ''}`);
  }
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw refuse('The image could not be read (damaged, or more than 24 megapixels)');
  }
}

/** `payload_too_large` with the limit, in the message and as `maxBytes`. */
export function tooLarge(): AppError {
  return new AppError('payload_too_large', `The image is too large (max ${formatBytes(AVATAR_MAX_BYTES)})`, undefined, AVATAR_MAX_BYTES);
}

function refuse(message: string): AppError {
  return new AppError('validation_failed', message, [{ path: ['file'], message }]);
}
