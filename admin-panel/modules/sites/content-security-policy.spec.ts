import { describe, expect, it } from 'vitest';
import { noInlineEmbedSnippet, widgetCspDirectives } from './content-security-policy';

describe('widgetCspDirectives', () => {
  it('allows the widget script, the API over HTTP and WebSocket, and its images', () => {
    expect(widgetCspDirectives('https://cdn.example.com/', 'https://api.example.com/chat')).toEqual([
      'script-src https://cdn.example.com',
      'connect-src https://api.example.com wss://api.example.com',
      'img-src https://api.example.com data:',
    ]);
    expect(widgetCspDirectives('http://127.0.0.1:3002', 'http://127.0.0.1:3000')[1]).toBe(
      'connect-src http://127.0.0.1:3000 ws://127.0.0.1:3000',
    );
  });

  it('embeds without an inline script', () => {
    expect(noInlineEmbedSnippet('https://cdn.example.com', 'https://api.example.com', 'site_abc')).toBe(
      '<script async src="https://cdn.example.com/widget.js" data-site-id="site_abc" data-api-url="https://api.example.com"></script>',
    );
  });
});
