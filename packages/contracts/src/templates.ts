// Quick templates and auto-replies: rendering their variables and the inbox's "/" picker.
// Pure and dependency-free, so the API (auto-replies, welcome messages) and the admin panel's
// composer render templates with one implementation.

/**
 * Quick templates, auto-replies and welcome messages may say "Hi {visitor.name|there}, this is
 * {operator.name} from {site.name}". Rendering is a single pass of plain lookups over a fixed list
 * of variables:
 * - nothing is evaluated: a placeholder is a name, not an expression or a property path, so
 *   "{visitor.constructor}" or "{1+1}" is not a variable and stays as written;
 * - substituted values are never scanned again, so a visitor who calls themselves
 *   "{operator.name}" is greeted as "{operator.name}", not as the operator;
 * - the output is plain text. The widget and the inbox render message text as text, not HTML, so
 *   a name like "<b>x</b>" shows literally and needs no escaping here; anything that ever renders
 *   messages as HTML (an email body) must escape them itself.
 *
 * A variable whose value is missing or blank renders as its fallback: the text after `|` in the
 * placeholder (`{visitor.name|there}`), else the caller's fallback for that variable, else nothing.
 * A variable that renders as nothing takes its stray separators with it, so "Hi {visitor.name}, how
 * can I help?" reads "Hi, how can I help?" (see `dropEmptyVariable` for the exact rule).
 */

export const TEMPLATE_VARIABLES = ['visitor.name', 'visitor.email', 'operator.name', 'site.name'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateContext = {
  visitor?: { name?: string | null; email?: string | null } | null;
  operator?: { name?: string | null } | null;
  site?: { name?: string | null } | null;
};

/**
 * What a known variable renders as when its value is missing or blank and the placeholder names no
 * fallback of its own, e.g. `{ 'visitor.name': 'there' }` in English or `'друже'` in Ukrainian:
 * wording is the caller's (and the language's) business.
 */
export type TemplateFallbacks = Partial<Record<TemplateVariable, string>>;

/**
 * `{visitor.name}`, also with spaces inside the braces (`{ visitor.name }`), and with a fallback
 * after a bar: `{visitor.name|there}`, `{ visitor.name | дорогий клієнте }` (the fallback is
 * trimmed; it holds no braces and no line break).
 */
const PLACEHOLDER = /\{[ \t]*([A-Za-z_]+\.[A-Za-z_]+)[ \t]*(?:\|([^{}\n]*))?\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

export function renderTemplate(text: string, context: TemplateContext, fallbacks: TemplateFallbacks = {}): string {
  // Walk the template once: literal text is copied, known variables are looked up, and an empty
  // one trims the text around it. Values are appended, never matched again.
  let out = '';
  let rest = '';
  let at = 0;
  let dropped = false;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [placeholder, name, inline] = match;
    rest = text.slice(at, match.index);
    at = match.index + placeholder.length;
    ({ out, dropped } = appendLiteral(out, rest, dropped));
    if (!name || !isTemplateVariable(name)) {
      out += placeholder;
      continue;
    }
    const value = lookUpVariable(context, name)?.trim() || inline?.trim() || fallbacks[name]?.trim() || '';
    if (value) out += value;
    else dropped = true;
  }
  return appendLiteral(out, text.slice(at), dropped).out;
}

/** Appends the literal text that follows a placeholder, trimming the gap an empty variable left. */
function appendLiteral(out: string, literal: string, dropped: boolean): { out: string; dropped: boolean } {
  if (!dropped) return { out: out + literal, dropped: false };
  const [before, after] = dropEmptyVariable(out, literal);
  return { out: before + after, dropped: false };
}

const SPACE_AT_END = /[ \t]+$/;
const SPACE_AT_START = /^[ \t]+/;
/** Text that ends a sentence (or nothing at all, or a line break): what follows starts anew. */
const SENTENCE_START = /(^|[\n.!?…])[ \t]*$/;
/** A comma, colon or semicolon that joined the missing word to the text before it. */
const JOINING_MARK = /[,;:]$/;
/** What may follow a missing word at the end of a clause. */
const CLAUSE_END = /^($|[\n,;:.!?…)])/;

/**
 * How the text around a variable that renders as nothing is mended. `before` is what was rendered
 * up to the placeholder, `after` the literal text up to the next placeholder (or the end).
 * 1. Empty brackets go: "Olena ({visitor.email}), hi" → "Olena, hi".
 * 2. At the start of the text, of a line or of a sentence, the spaces and punctuation marks
 *    after the placeholder go and the next letter is capitalised: "{visitor.name}, welcome!" →
 *    "Welcome!"; "Thanks. {visitor.name}, bye" → "Thanks. Bye"; "Thanks. {visitor.name}!" → "Thanks.".
 * 3. Anywhere else the spaces before the placeholder go: "Hi {visitor.name}, how…" → "Hi, how…",
 *    "Thanks {visitor.name} for…" → "Thanks for…"; and when the placeholder ended a clause (the
 *    text after it ends, or starts with punctuation), so does a comma, colon or semicolon that
 *    led to it: "Вітаємо, {visitor.name}!" → "Вітаємо!", "Hello, {visitor.name}, how…" → "Hello, how…".
 */
function dropEmptyVariable(before: string, after: string): [string, string] {
  if (before.endsWith('(') && after.startsWith(')')) {
    before = before.slice(0, -1);
    after = after.slice(1);
  }
  if (SENTENCE_START.test(before)) {
    // A sentence of its own ("{visitor.name}!") goes with its end mark.
    after = after.replace(SPACE_AT_START, '').replace(/^[,;:.!?…]+[ \t]*/, '');
    if (after === '' || after.startsWith('\n')) return [before.replace(SPACE_AT_END, ''), after];
    return [before, capitalise(after)];
  }
  before = before.replace(SPACE_AT_END, '');
  if (CLAUSE_END.test(after) && JOINING_MARK.test(before)) before = before.slice(0, -1);
  return [before, after];
}

function capitalise(text: string): string {
  const first = text.charAt(0);
  return first.toUpperCase() + text.slice(1);
}

function lookUpVariable(context: TemplateContext, name: TemplateVariable): string | null | undefined {
  switch (name) {
    case 'visitor.name':
      return context.visitor?.name;
    case 'visitor.email':
      return context.visitor?.email;
    case 'operator.name':
      return context.operator?.name;
    case 'site.name':
      return context.site?.name;
  }
}

/**
 * The inbox's "/" picker: typing "/pr" offers the templates whose shortcut starts with "/pr", the
 * exact match first, then the rest in alphabetical order (shorter before longer). Templates with
 * the same shortcut keep the caller's order, so a caller that lists site templates before
 * organization-wide ones shows the site's "/price" first.
 */
export function findTemplateByShortcut<T extends { shortcut: string }>(templates: readonly T[], input: string): T[] {
  const query = input.trim().toLowerCase();
  if (!query.startsWith('/')) return [];
  return templates
    .map((template, index) => ({ template, index, shortcut: template.shortcut.toLowerCase() }))
    .filter(({ shortcut }) => shortcut.startsWith(query))
    .sort(
      (a, b) => Number(a.shortcut !== query) - Number(b.shortcut !== query) || compareStrings(a.shortcut, b.shortcut) || a.index - b.index,
    )
    .map(({ template }) => template);
}

/** Code-unit order: shortcuts are ASCII, and the order must not depend on the runtime's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
