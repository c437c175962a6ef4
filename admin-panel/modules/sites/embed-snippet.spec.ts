import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet';

describe('embedSnippet', () => {
  it('loads the widget asynchronously and configures the site', () => {
    const snippet = embedSnippet('https://cdn.example.com', 'https://api.example.com', 'site_abc');
    expect(snippet).toContain('<script async src="https://cdn.example.com/widget.js"></script>');
    expect(snippet).toContain('siteId: "site_abc"');
    expect(snippet).toContain('apiUrl: "https://api.example.com"');
  });
});
