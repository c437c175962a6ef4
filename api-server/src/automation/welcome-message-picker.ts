/**
 * Which of a site's welcome messages a visitor sees, by the locale their browser reports
 * ("uk-UA", "en", "pt_BR"): the message for exactly that language, else for its base language
 * ("uk"), else one for a sibling variant ("pt-PT" for "pt-BR"), else the one for every other
 * language ("*"). Null when none fits: the caller falls back to the widget's welcome text.
 */
export function pickWelcomeMessage<M extends { language: string; text: string }>(messages: readonly M[], locale: string | null): M | null {
  const wanted = normalizeTag(locale);
  const byTag = (test: (tag: string) => boolean) => messages.find((m) => m.language !== '*' && test(normalizeTag(m.language)));
  if (wanted) {
    const base = baseOf(wanted);
    const match = byTag((tag) => tag === wanted) ?? byTag((tag) => tag === base) ?? byTag((tag) => baseOf(tag) === base);
    if (match) return match;
  }
  return messages.find((m) => m.language === '*') ?? null;
}

/** "uk_UA" → "uk-ua"; only the first of a list ("en-US,en;q=0.9"); "" when there is no tag. */
function normalizeTag(tag: string | null): string {
  return (tag ?? '').split(/[,;]/)[0]!.trim().replace(/_/g, '-').toLowerCase();
}

function baseOf(tag: string): string {
  return tag.split('-')[0]!;
}
