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

/** Code-unit order: shortcuts are ASCII, and the order must not depend on the server's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
