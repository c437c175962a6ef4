// What the visitor reads when the AI gives way to people. The same polite words whatever the
// reason: a failure or a spent budget is the site's business, never the visitor's.

const MESSAGES = {
  en: "I'm passing you to a colleague: a member of our team will reply here as soon as possible.",
  uk: 'Передаю вас колезі: хтось із нашої команди відповість тут якнайшвидше.',
} as const;

export type HandoffLanguage = keyof typeof MESSAGES;

/**
 * The visitor's language: from the widget's locale (`uk`, `uk-UA`…), else guessed from their last
 * message (Cyrillic script → Ukrainian), else English.
 */
export function handoffLanguage(locale: string | null | undefined, lastVisitorText: string | null | undefined): HandoffLanguage {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  if (primary === 'uk') return 'uk';
  // Russian speakers in Ukraine mostly read Ukrainian; other locales get English.
  if (primary && primary !== 'ru') return 'en';
  return lastVisitorText && /\p{Script=Cyrillic}/u.test(lastVisitorText) ? 'uk' : 'en';
}

/** The visible SYSTEM message of a handoff. */
export function handoffMessage(language: HandoffLanguage): string {
  return MESSAGES[language];
}
