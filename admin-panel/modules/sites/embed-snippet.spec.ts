import { describe, expect, it } from 'vitest';
import { embedSnippet, SDK_METHODS } from './embed-snippet';

describe('embedSnippet', () => {
  const snippet = embedSnippet('https://cdn.example.com', 'https://api.example.com', 'site_abc');

  it('loads the widget asynchronously with the site and the API only: the look follows the settings', () => {
    expect(snippet).toContain('<script async src="https://cdn.example.com/widget.js"></script>');
    expect(snippet).toContain('window.chtq = { siteId: "site_abc", apiUrl: "https://api.example.com", q: [] };');
    for (const field of ['language', 'position', 'size', 'color', 'title']) expect(snippet).not.toContain(`${field}:`);
  });

  it('queues SDK calls made before widget.js runs, in order', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(snippet)?.[1] ?? '';
    const window = {} as { chtq: Record<string, (...args: unknown[]) => void> & { q: unknown[][] } };
    new Function('window', 'chtq', `${script.replace('window.chtq =', 'chtq = window.chtq =')}`)(window, undefined);
    const chtq = window.chtq;
    for (const method of SDK_METHODS) expect(typeof chtq[method]).toBe('function');
    const listener = () => {};
    chtq.setUser?.({ id: '42' });
    chtq.on?.('message', listener);
    chtq.open?.();
    expect(chtq.q).toEqual([['setUser', { id: '42' }], ['on', 'message', listener], ['open']]);
  });

  it('names the organization in the organization-wide form', () => {
    expect(embedSnippet('https://cdn.example.com', 'https://api.example.com', 'org_1', 'organizationId')).toContain(
      'window.chtq = { organizationId: "org_1", apiUrl: "https://api.example.com", q: [] };',
    );
  });
});
