import type { ChatSummaryDto, QuickTemplateDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { insertAtToken, renderQuickTemplate, siteTemplatesFirst, slashTokenAt, templatesForToken } from './quick-templates';

const template = (shortcut: string, siteId: string | null = 'site1', text = shortcut) => ({ shortcut, siteId, text }) as QuickTemplateDto;

describe('slashTokenAt', () => {
  it('finds the "/word" the caret ends, at the start or after white space', () => {
    expect(slashTokenAt('/', 1)).toEqual({ start: 0, end: 1, query: '/' });
    expect(slashTokenAt('/pr', 3)).toEqual({ start: 0, end: 3, query: '/pr' });
    expect(slashTokenAt('Hello /pri', 10)).toEqual({ start: 6, end: 10, query: '/pri' });
    expect(slashTokenAt('line one\n/thanks and more', 16)).toEqual({ start: 9, end: 16, query: '/thanks' });
  });

  it('ignores slashes inside words and URLs, and a caret in the middle of a word', () => {
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('see https://x.io/price', 22)).toBeNull();
    expect(slashTokenAt('/price', 3)).toBeNull();
    expect(slashTokenAt('/pr ice', 3)).toEqual({ start: 0, end: 3, query: '/pr' });
    expect(slashTokenAt('no slash', 8)).toBeNull();
    expect(slashTokenAt('/a b', 4)).toBeNull();
  });
});

describe('templatesForToken', () => {
  const templates = [template('/pricing'), template('/price'), template('/hello'), template('/promo')];
  const shortcuts = (draft: string) => templatesForToken(templates, slashTokenAt(draft, draft.length)).map((t) => t.shortcut);

  it('filters by what follows the slash, the exact match first', () => {
    expect(shortcuts('/')).toEqual(['/hello', '/price', '/pricing', '/promo']);
    expect(shortcuts('/pr')).toEqual(['/price', '/pricing', '/promo']);
    expect(shortcuts('Hi /PRICE')).toEqual(['/price']);
    expect(shortcuts('/pric')).toEqual(['/price', '/pricing']);
    expect(shortcuts('/zzz')).toEqual([]);
    expect(shortcuts('plain text')).toEqual([]);
  });

  it("offers the site's template before the organization-wide one with the same shortcut", () => {
    const both = siteTemplatesFirst([template('/price', null, 'org'), template('/price', 'site1', 'site')]);
    expect(templatesForToken(both, slashTokenAt('/price', 6)).map((t) => t.text)).toEqual(['site', 'org']);
  });
});

describe('renderQuickTemplate', () => {
  const chat = {
    siteName: 'Flower Shop',
    visitor: { name: 'Olena', email: 'olena@example.com' },
  } as Pick<ChatSummaryDto, 'visitor' | 'siteName'>;

  it('fills in the visitor, the operator and the site', () => {
    expect(renderQuickTemplate('Hi {visitor.name} <{visitor.email}>, {operator.name} of {site.name} here.', chat, 'Taras')).toBe(
      'Hi Olena <olena@example.com>, Taras of Flower Shop here.',
    );
  });

  it('uses fallbacks, drops missing values with their gap, and leaves unknown variables as typed', () => {
    const anonymous = { ...chat, visitor: { ...chat.visitor, name: null, email: null } } as typeof chat;
    expect(renderQuickTemplate('Hi {visitor.name}! Mail: {visitor.email}. {order.id} {visitor.phone}', anonymous, 'Taras')).toBe(
      'Hi! Mail. {order.id} {visitor.phone}',
    );
    expect(renderQuickTemplate('Hi {visitor.name|there}, how can I help?', anonymous, 'Taras')).toBe('Hi there, how can I help?');
    expect(renderQuickTemplate('Вітаємо, {visitor.name}!', anonymous, 'Тарас')).toBe('Вітаємо!');
  });
});

describe('insertAtToken', () => {
  it('replaces the token and puts the caret after the inserted text', () => {
    const draft = 'Sure! /pri and more';
    const token = slashTokenAt(draft, 10);
    expect(token).not.toBeNull();
    expect(insertAtToken(draft, token!, 'It costs 5 EUR.')).toEqual({ draft: 'Sure! It costs 5 EUR. and more', caret: 21 });
  });
});
