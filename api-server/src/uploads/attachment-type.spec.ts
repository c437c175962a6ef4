import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import { cleanFileName, hasBmpHeader, sniffAttachmentType } from './attachment-type.js';
import { attachmentHeaders, contentDisposition } from './download-headers.js';
import { elfHeader, exeHeader, HTML_PAGE, tinyPdf, tinyPng } from './test-files.js';

const sniff = (name: string, bytes: Buffer, textual = false) => sniffAttachmentType({ name, size: bytes.length, head: bytes, textual });

/** A 1×1 24-bit BMP: file header, BITMAPINFOHEADER, one pixel padded to 4 bytes. */
function tinyBmp(): Buffer {
  const bmp = Buffer.alloc(58);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(58, 2); // file size
  bmp.writeUInt32LE(54, 10); // pixel offset
  bmp.writeUInt32LE(40, 14); // DIB header size
  bmp.writeInt32LE(1, 18); // width
  bmp.writeInt32LE(1, 22); // height
  bmp.writeUInt16LE(1, 26); // planes
  bmp.writeUInt16LE(24, 28); // bits per pixel
  bmp.writeUInt32LE(4, 34); // image size
  bmp.set([0, 0, 255], 54); // one red pixel
  return bmp;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sniffAttachmentType', () => {
  it('recognises images and PDF by their bytes, whatever the name says', async () => {
    expect(await sniff('photo.png', tinyPng())).toBe('image/png');
    expect(await sniff('photo.pdf', tinyPng())).toBe('image/png');
    expect(await sniff('no-extension', tinyPdf())).toBe('application/pdf');
    expect(await sniff('x.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toBe('image/gif');
    expect(await sniff('x', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe('image/jpeg');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(18)]);
    expect(await sniff('x.webp', webp)).toBe('image/webp');
  });

  it('refuses executables and archives, naming the type, even when named like an image', async () => {
    const exe = await refusal(sniff('invoice.png', exeHeader()));
    expect(exe.code).toBe('validation_failed');
    expect(exe.message).toContain('application/x-msdownload');
    expect(exe.issues).toEqual([{ path: ['file'], message: exe.message }]);
    expect((await refusal(sniff('cat.png', elfHeader()))).message).toContain('application/x-elf');
    const zip = Buffer.from(`PK\x03\x04\x14\x00\x00\x00\x08\x00${'a'.repeat(40)}`, 'latin1');
    expect((await refusal(sniff('cat.jpg', zip))).message).toContain('application/zip');
  });

  it('accepts text only as UTF-8 without NULs in a .txt, .csv or .log file', async () => {
    const text = Buffer.from('héllo, wörld\n');
    expect(await sniff('notes.txt', text, true)).toBe('text/plain');
    expect(await sniff('server.LOG', text, true)).toBe('text/plain');
    expect(await sniff('table.csv', Buffer.from('a,b\n1,2\n'), true)).toBe('text/csv');
    await refusal(sniff('notes.txt', Buffer.from([0x68, 0xff, 0xfe]), false));
    await refusal(sniff('evil.png', HTML_PAGE, true));
    await refusal(sniff('evil.html', HTML_PAGE, true));
    await refusal(sniff('no-extension', text, true));
  });

  it('takes a text file that starts with "BM" for text, and only a whole BMP header for a BMP', async () => {
    const bmw = Buffer.from('BMW sales, by quarter\nQ1,12\n');
    expect(await sniff('cars.txt', bmw, true)).toBe('text/plain');
    expect(await sniff('cars.csv', Buffer.from('BM,2024\n1,2\n'), true)).toBe('text/csv');
    expect(await sniff('short.txt', Buffer.from('BM'), true)).toBe('text/plain');
    await refusal(sniff('cars.png', bmw, true)); // still not an image

    const bmp = tinyBmp();
    expect(hasBmpHeader(bmp, bmp.length)).toBe(true);
    expect((await refusal(sniff('photo.txt', bmp, false))).message).toContain('image/bmp');
    // Each field of the header that does not add up makes it not a BMP.
    const broken = (offset: number, value: number) => {
      const copy = Buffer.from(bmp);
      copy.writeUInt32LE(value, offset);
      return copy;
    };
    expect(hasBmpHeader(broken(2, bmp.length + 1), bmp.length)).toBe(false); // file size
    expect(hasBmpHeader(broken(6, 1), bmp.length)).toBe(false); // reserved
    expect(hasBmpHeader(broken(10, 20), bmp.length)).toBe(false); // pixels inside the headers
    expect(hasBmpHeader(broken(10, bmp.length), bmp.length)).toBe(false); // pixels past the end
    expect(hasBmpHeader(broken(14, 41), bmp.length)).toBe(false); // unknown DIB header
    expect(hasBmpHeader(bmp.subarray(0, 17), bmp.length)).toBe(false);
  });

  it('refuses an empty file', async () => {
    expect((await refusal(sniff('empty.txt', Buffer.alloc(0), true))).message).toMatch(/empty/);
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment, without control or bidi characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(cleanFileName('inv\u202Egnp.exe')).toBe('invgnp.exe');
    expect(cleanFileName('a\u0000b\r\n.txt')).toBe('ab.txt');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    expect(cleanFileName('Звіт за квітень.pdf')).toBe('Звіт за квітень.pdf');
  });

  it('shortens long names and keeps the extension', () => {
    const name = cleanFileName(`${'x'.repeat(500)}.pdf`);
    expect([...name].length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('download headers', () => {
  it('encodes any filename safely (RFC 5987 with an ASCII fallback)', () => {
    expect(contentDisposition('attachment', 'Звіт "1"; x.pdf')).toBe(
      `attachment; filename="____ _1__ x.pdf"; filename*=UTF-8''%D0%97%D0%B2%D1%96%D1%82%20%221%22%3B%20x.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });

  it('previews images inline and serves everything else as a download, never sniffable or scriptable', () => {
    const png = attachmentHeaders({ name: 'a.png', type: 'image/png', size: 10 });
    expect(png['Content-Disposition']).toMatch(/^inline;/);
    const txt = attachmentHeaders({ name: 'a.txt', type: 'text/plain', size: 10 });
    expect(txt['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(txt['Content-Disposition']).toMatch(/^attachment;/);
    for (const headers of [png, txt]) {
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Content-Security-Policy']).toBe("default-src 'none'; sandbox");
      expect(headers['Cache-Control']).toMatch(/^private, max-age=\d+$/);
    }
  });
});
