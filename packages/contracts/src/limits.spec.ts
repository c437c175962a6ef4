import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MIME_TYPES,
  attachmentCaptionSchema,
  attachmentMimeTypeSchema,
  attachmentProblem,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_LENGTH,
  messageTextSchema,
  quickTemplateSchema,
  TEXT_ATTACHMENT_EXTENSIONS,
} from './index.js';

describe('shared limits', () => {
  it('the schemas take exactly MAX_MESSAGE_LENGTH characters', () => {
    const longest = 'x'.repeat(MAX_MESSAGE_LENGTH);
    const tooLong = `${longest}x`;
    expect(messageTextSchema.safeParse(longest).success).toBe(true);
    expect(messageTextSchema.safeParse(tooLong).success).toBe(false);
    expect(attachmentCaptionSchema.safeParse(longest).success).toBe(true);
    expect(attachmentCaptionSchema.safeParse(tooLong).success).toBe(false);
    expect(quickTemplateSchema.safeParse({ shortcut: '/a', text: longest }).success).toBe(true);
    expect(quickTemplateSchema.safeParse({ shortcut: '/a', text: tooLong }).success).toBe(false);
  });

  it('the type schema and the file pickers offer the same types', () => {
    expect(attachmentMimeTypeSchema.options).toEqual([...ATTACHMENT_MIME_TYPES]);
    expect(ATTACHMENT_ACCEPT.split(',')).toEqual([...ATTACHMENT_MIME_TYPES, ...TEXT_ATTACHMENT_EXTENSIONS]);
  });

  it('accepts images, PDFs and text files within the size limit', () => {
    expect(attachmentProblem({ name: 'photo.png', size: 1000, type: 'image/png' })).toBeNull();
    expect(attachmentProblem({ name: 'offer.pdf', size: MAX_ATTACHMENT_BYTES, type: 'application/pdf' })).toBeNull();
    expect(attachmentProblem({ name: 'NOTES.LOG', size: 10, type: 'application/octet-stream' })).toBeNull();
    expect(attachmentProblem({ name: 'scan', size: 10, type: '' })).toBeNull(); // for the server to judge by the bytes
  });

  it('refuses empty, too large and never accepted files', () => {
    expect(attachmentProblem({ name: 'a.png', size: 0, type: 'image/png' })).toBe('empty');
    expect(attachmentProblem({ name: 'a.png', size: MAX_ATTACHMENT_BYTES + 1, type: 'image/png' })).toBe('too_large');
    expect(attachmentProblem({ name: 'a.png', size: 2048, type: 'image/png' }, 1024)).toBe('too_large');
    expect(attachmentProblem({ name: 'page.html', size: 10, type: 'text/html' })).toBe('type');
    expect(attachmentProblem({ name: 'pic.svg', size: 10, type: 'image/svg+xml' })).toBe('type');
  });
});
