import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';
import { MAX_ATTACHMENT_BYTES } from './limits.js';

describe('formatBytes', () => {
  it('writes bytes, then binary steps with one decimal below 10 and none from 10 up', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(394)).toBe('394 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(123 * 1024 + 400)).toBe('123 KB');
    expect(formatBytes(1.2 * 1024 * 1024)).toBe('1.2 MB');
    expect(formatBytes(9.97 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(MAX_ATTACHMENT_BYTES)).toBe('10 MB');
    expect(formatBytes(3.5 * 1024 ** 3)).toBe('3.5 GB');
    expect(formatBytes(2048 * 1024 ** 3)).toBe('2048 GB');
  });

  it("uses the reader's decimal separator and, in Ukrainian, Ukrainian unit symbols", () => {
    expect(formatBytes(1.2 * 1024 * 1024, 'en-US')).toBe('1.2 MB');
    expect(formatBytes(1.2 * 1024 * 1024, 'uk')).toBe('1,2 МБ');
    expect(formatBytes(394, 'uk-UA')).toBe('394 Б');
    expect(formatBytes(20 * 1024 * 1024, 'uk')).toBe('20 МБ');
    expect(formatBytes(1.5 * 1024, 'de')).toBe('1,5 KB'); // the separator of any locale, English units
  });

  it('treats nonsense as nothing and a malformed locale as English', () => {
    expect(formatBytes(-5)).toBe('0 B');
    expect(formatBytes(Number.NaN)).toBe('0 B');
    expect(formatBytes(1536, 'not a locale!')).toBe('1.5 KB');
  });
});
