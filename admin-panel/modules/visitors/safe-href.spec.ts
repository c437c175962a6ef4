import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href';

describe('safeHref', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeHref('https://shop.example.com/cart?x=1#top')).toBe('https://shop.example.com/cart?x=1#top');
    expect(safeHref('http://localhost:3002/')).toBe('http://localhost:3002/');
    expect(safeHref('  HTTPS://Shop.Example.com/a b ')).toBe('https://shop.example.com/a%20b');
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const value of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript://example.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/',
      'mailto:someone@example.com',
      'blob:https://example.com/uuid',
    ]) {
      expect(safeHref(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('refuses what is not an absolute URL', () => {
    for (const value of ['', '/relative/path', '//evil.example/x', 'shop.example.com', 'not a url', null, undefined]) {
      expect(safeHref(value), JSON.stringify(value)).toBeNull();
    }
  });
});
