import { MAX_ATTACHMENT_BYTES } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_ACCEPT, checkAttachment } from './attachment-check';

describe('checkAttachment', () => {
  it('accepts images, PDFs and text files within the size limit', () => {
    expect(checkAttachment({ name: 'photo.png', size: 1000, type: 'image/png' })).toBeNull();
    expect(checkAttachment({ name: 'offer.pdf', size: MAX_ATTACHMENT_BYTES, type: 'application/pdf' })).toBeNull();
    expect(checkAttachment({ name: 'notes.log', size: 10, type: 'application/octet-stream' })).toBeNull();
    // A type the browser cannot name is for the server to judge by the bytes.
    expect(checkAttachment({ name: 'scan', size: 10, type: '' })).toBeNull();
  });

  it('refuses empty and too large files', () => {
    expect(checkAttachment({ name: 'a.png', size: 0, type: 'image/png' })).toBe('empty');
    expect(checkAttachment({ name: 'a.png', size: MAX_ATTACHMENT_BYTES + 1, type: 'image/png' })).toBe('too_large');
    expect(checkAttachment({ name: 'a.png', size: 2048, type: 'image/png' }, 1024)).toBe('too_large');
  });

  it('refuses types the server never accepts', () => {
    expect(checkAttachment({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' })).toBe('type');
    expect(checkAttachment({ name: 'page.html', size: 10, type: 'text/html' })).toBe('type');
    expect(checkAttachment({ name: 'pic.svg', size: 10, type: 'image/svg+xml' })).toBe('type');
  });

  it('lets the file picker offer the same types', () => {
    expect(ATTACHMENT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['image/png', 'application/pdf', '.txt', '.csv']));
  });
});
