import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { AttachmentDownload } from './attachments.service.js';
import { attachmentHeaders } from './download-headers.js';

/** Streams an attachment with its safe headers. A client that goes away just ends the stream. */
export async function sendAttachment(res: Response, file: AttachmentDownload, extraHeaders: Record<string, string> = {}): Promise<void> {
  res.status(200);
  for (const [name, value] of Object.entries({ ...attachmentHeaders(file), ...extraHeaders })) res.setHeader(name, value);
  try {
    await pipeline(file.stream, res);
  } catch {
    file.stream.destroy();
    res.destroy();
  }
}
