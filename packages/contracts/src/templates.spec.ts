import { describe, expect, it } from 'vitest';
import { findTemplateByShortcut, renderTemplate, type TemplateContext } from './templates.js';

const context: TemplateContext = {
  visitor: { name: 'Олена', email: 'olena@example.com' },
  operator: { name: 'Taras' },
  site: { name: 'Acme Shop' },
};

describe('renderTemplate', () => {
  it('substitutes the four variables, also with spaces inside the braces', () => {
    expect(renderTemplate('Hi {visitor.name} ({visitor.email}), {operator.name} from {site.name} here.', context)).toBe(
      'Hi Олена (olena@example.com), Taras from Acme Shop here.',
    );
    expect(renderTemplate('Hi { visitor.name }, {  site.name\t}!', context)).toBe('Hi Олена, Acme Shop!');
  });

  it('leaves unknown variables, property paths and expressions as written', () => {
    const text = 'Hi {visitor.phone} {visitor.constructor} {visitor.__proto__} {Visitor.Name} {1+1} {visitor} {} {{site.name}';
    expect(renderTemplate(text, context)).toBe(
      'Hi {visitor.phone} {visitor.constructor} {visitor.__proto__} {Visitor.Name} {1+1} {visitor} {} {Acme Shop',
    );
  });

  it("uses the caller's fallback for a missing or blank value, and nothing without one", () => {
    const anonymous: TemplateContext = { visitor: { name: '   ', email: null }, site: { name: 'Acme' } };
    expect(
      renderTemplate('Hi {visitor.name}, I am {operator.name}', anonymous, { 'visitor.name': 'there', 'operator.name': 'your assistant' }),
    ).toBe('Hi there, I am your assistant');
    expect(renderTemplate('Вітаємо, {visitor.name}!', anonymous, { 'visitor.name': 'друже' })).toBe('Вітаємо, друже!');
    expect(renderTemplate('Mail: {visitor.email}.', anonymous)).toBe('Mail: .');
    expect(renderTemplate('Hi {visitor.name}', {})).toBe('Hi ');
  });

  it('never renders substituted values again', () => {
    const sneaky: TemplateContext = {
      visitor: { name: '{operator.name}', email: '{site.name}' },
      operator: { name: 'Taras' },
      site: { name: 'Acme' },
    };
    expect(renderTemplate('Hi {visitor.name} <{visitor.email}>', sneaky)).toBe('Hi {operator.name} <{site.name}>');
    // A fallback is a value too.
    expect(renderTemplate('Hi {visitor.name}', {}, { 'visitor.name': '{site.name}' })).toBe('Hi {site.name}');
  });

  it('keeps replacement-string syntax and markup in values literal (plain text out)', () => {
    const odd: TemplateContext = { visitor: { name: "$& $1 $' <b>x</b>" } };
    expect(renderTemplate('Hi {visitor.name}!', odd)).toBe("Hi $& $1 $' <b>x</b>!");
  });
});

describe('findTemplateByShortcut', () => {
  const templates = [
    { shortcut: '/pricing', text: 'Plans' },
    { shortcut: '/promo', text: 'Promo' },
    { shortcut: '/pr', text: 'Press' },
    { shortcut: '/price', text: 'Price' },
    { shortcut: '/hello', text: 'Hi' },
  ];
  const shortcuts = (input: string, list = templates) => findTemplateByShortcut(list, input).map((t) => t.shortcut);

  it('offers the templates starting with the input, the exact match first', () => {
    expect(shortcuts('/pr')).toEqual(['/pr', '/price', '/pricing', '/promo']);
    expect(shortcuts('/price')).toEqual(['/price']);
    expect(shortcuts('/pric')).toEqual(['/price', '/pricing']);
    expect(shortcuts('/pri')).toEqual(['/price', '/pricing']);
  });

  it('ignores case and surrounding spaces, and offers everything for a bare slash', () => {
    expect(shortcuts(' /PRO ')).toEqual(['/promo']);
    expect(shortcuts('/')).toEqual(['/hello', '/pr', '/price', '/pricing', '/promo']);
  });

  it('offers nothing without the slash or without a match', () => {
    expect(shortcuts('pr')).toEqual([]);
    expect(shortcuts('/zzz')).toEqual([]);
    expect(shortcuts('')).toEqual([]);
  });

  it('keeps the caller order for equal shortcuts (site templates before organization-wide ones)', () => {
    const scoped = [
      { shortcut: '/price', text: 'site' },
      { shortcut: '/price', text: 'organization' },
    ];
    expect(findTemplateByShortcut(scoped, '/price').map((t) => t.text)).toEqual(['site', 'organization']);
  });
});
