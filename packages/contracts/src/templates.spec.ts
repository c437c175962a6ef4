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
    // The placeholder's own fallback wins over the caller's.
    expect(renderTemplate('Hi {visitor.name|friend}', anonymous, { 'visitor.name': 'there' })).toBe('Hi friend');
  });

  it('takes the fallback after a bar in the placeholder, trimmed, when the value is missing or blank', () => {
    const anonymous: TemplateContext = { visitor: { name: ' ' }, site: { name: 'Acme' } };
    expect(renderTemplate('Hi {visitor.name|there}, how can I help?', anonymous)).toBe('Hi there, how can I help?');
    expect(renderTemplate('Вітаємо, { visitor.name | дорогий клієнте }!', anonymous)).toBe('Вітаємо, дорогий клієнте!');
    expect(renderTemplate('Hi {visitor.name|there}', context)).toBe('Hi Олена');
    expect(renderTemplate('{site.name|our shop} says hi', anonymous)).toBe('Acme says hi');
    // An unknown variable stays as written, fallback and all.
    expect(renderTemplate('Call {visitor.phone|us}', anonymous)).toBe('Call {visitor.phone|us}');
  });

  // A variable with no value and no fallback is removed with the gap it would leave.
  const anonymous: TemplateContext = { visitor: { name: null, email: '' }, operator: { name: 'Taras' }, site: { name: 'Acme' } };
  it.each([
    // inside a sentence: the spaces before it go
    ['Hi {visitor.name}, how can I help?', 'Hi, how can I help?'],
    ['Hi {visitor.name}!', 'Hi!'],
    ['Hi {visitor.name}', 'Hi'],
    ['Thanks {visitor.name} for writing.', 'Thanks for writing.'],
    ['Привіт {visitor.name}, чим допомогти?', 'Привіт, чим допомогти?'],
    ['Дякуємо {visitor.name} за звернення.', 'Дякуємо за звернення.'],
    // a comma (colon, semicolon) that led to it goes when it ended the clause
    ['Hello, {visitor.name}!', 'Hello!'],
    ['Вітаємо, {visitor.name}!', 'Вітаємо!'],
    ['Hello, {visitor.name}, how are you?', 'Hello, how are you?'],
    ['Доброго дня, {visitor.name}, чим можу допомогти?', 'Доброго дня, чим можу допомогти?'],
    ['Hello, {visitor.name}', 'Hello'],
    ['Mail: {visitor.email}.', 'Mail.'],
    ['Hello, {visitor.name}\nHow can I help?', 'Hello\nHow can I help?'],
    // ... but stays when words follow
    ['Hi, {visitor.name} how are you?', 'Hi, how are you?'],
    // at the start of the text, a line or a sentence: the mark after it goes, the next letter is capitalised
    ['{visitor.name}, welcome to {site.name}!', 'Welcome to Acme!'],
    ['{visitor.name}, ласкаво просимо!', 'Ласкаво просимо!'],
    ['Thanks. {visitor.name}, see you soon.', 'Thanks. See you soon.'],
    ['Line one\n{visitor.name}: your order', 'Line one\nYour order'],
    ['{visitor.name}!', ''],
    ['Thanks. {visitor.name}!', 'Thanks.'],
    ['Вітаємо. {visitor.name}, раді бачити!', 'Вітаємо. Раді бачити!'],
    // empty brackets go
    ['I am {operator.name} ({visitor.email}), hi', 'I am Taras, hi'],
    ['Лист ({visitor.email}) надіслано', 'Лист надіслано'],
    // several in a row
    ['Hi {visitor.name} {visitor.email}, welcome', 'Hi, welcome'],
    ['{visitor.name} {visitor.email}, welcome', 'Welcome'],
    // an empty fallback is no fallback
    ['Hi {visitor.name|}, ok', 'Hi, ok'],
    // a value is never trimmed away
    ['Hi {operator.name}, ok', 'Hi Taras, ok'],
  ])('%j → %j', (template, expected) => {
    expect(renderTemplate(template, anonymous)).toBe(expected);
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
