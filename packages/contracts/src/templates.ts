// Quick templates and auto-replies: rendering their variables and the inbox's "/" picker.
// Pure and dependency-free, so the API (auto-replies, welcome messages) and the admin panel's
// composer render templates with one implementation.

/**
 * Quick templates and auto-replies may say "Hi {visitor.name}, this is {operator.name} from
 * {site.name}". Rendering is a single pass of plain lookups over a fixed list of variables:
 * - nothing is evaluated: a placeholder is a name, not an expression or a property path, so
 *   "{visitor.constructor}" or "{1+1}" is not a variable and stays as written;
 * - substituted values are never scanned again, so a visitor who calls themselves
 *   "{operator.name}" is greeted as "{operator.name}", not as the operator;
 * - the output is plain text. The widget and the inbox render message text as text, not HTML, so
 *   a name like "<b>x</b>" shows literally and needs no escaping here; anything that ever renders
 *   messages as HTML (an email body) must escape them itself.
 */

export const TEMPLATE_VARIABLES = ['visitor.name', 'visitor.email', 'operator.name', 'site.name'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateContext = {
  visitor?: { name?: string | null; email?: string | null } | null;
  operator?: { name?: string | null } | null;
  site?: { name?: string | null } | null;
};

/**
 * What a known variable renders as when its value is missing or blank, e.g. `{ 'visitor.name': 'there' }`
 * in English or `'друже'` in Ukrainian: wording is the caller's (and the language's) business.
 * A variable with neither a value nor a fallback renders as nothing.
 */
export type TemplateFallbacks = Partial<Record<TemplateVariable, string>>;

/** `{visitor.name}`, also with spaces inside the braces: `{ visitor.name }`. */
const PLACEHOLDER = /\{[ \t]*([A-Za-z_]+\.[A-Za-z_]+)[ \t]*\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

export function renderTemplate(text: string, context: TemplateContext, fallbacks: TemplateFallbacks = {}): string {
  // A replacer function (not a replacement string) so "$&" or "$1" in a value stays literal.
  return text.replace(PLACEHOLDER, (placeholder: string, name: string) => {
    if (!isTemplateVariable(name)) return placeholder;
    const value = lookUpVariable(context, name)?.trim();
    return value ? value : (fallbacks[name] ?? '');
  });
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
