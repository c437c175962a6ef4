import type { ChatSummaryDto, QuickTemplateDto } from '@chatiq/contracts';
import { findTemplateByShortcut, renderTemplate, type TemplateContext } from '@chatiq/contracts/protocol';

/** The "/shortcut" being typed at the caret: where it starts and what it is so far ("/pr"). */
export type SlashToken = { start: number; end: number; query: string };

/** Letters a shortcut may have after its slash (as `templateShortcutSchema`). */
const TOKEN_BEFORE_CARET = /(^|\s)(\/[A-Za-z0-9_-]{0,32})$/;

/**
 * The "/…" word the caret is at the end of, or null. The slash must start the draft or follow
 * white space, so "and/or" or a URL never opens the picker.
 */
export function slashTokenAt(draft: string, caret: number): SlashToken | null {
  const match = TOKEN_BEFORE_CARET.exec(draft.slice(0, caret));
  const query = match?.[2];
  if (query === undefined) return null;
  // The caret must end the word: "/pr|ice" is not being typed.
  if (/[A-Za-z0-9_-]/.test(draft.charAt(caret))) return null;
  return { start: caret - query.length, end: caret, query };
}

/** The templates the picker offers for a token: the exact shortcut first, then alphabetical. */
export function templatesForToken<T extends { shortcut: string }>(templates: readonly T[], token: SlashToken | null): T[] {
  return token ? findTemplateByShortcut(templates, token.query) : [];
}

/** Site templates before organization-wide ones, so the site's "/price" is offered first. */
export function siteTemplatesFirst(templates: readonly QuickTemplateDto[]): QuickTemplateDto[] {
  return [...templates].sort((a, b) => Number(a.siteId === null) - Number(b.siteId === null));
}

/**
 * What a template says in this chat: variables filled in, a missing value replaced by the
 * placeholder's fallback (`{visitor.name|there}`) or dropped with its gap, unknown ones as typed.
 */
export function renderQuickTemplate(text: string, chat: Pick<ChatSummaryDto, 'visitor' | 'siteName'>, operatorName: string): string {
  const context: TemplateContext = {
    visitor: { name: chat.visitor.name, email: chat.visitor.email },
    operator: { name: operatorName },
    site: { name: chat.siteName },
  };
  return renderTemplate(text, context);
}

/** The draft with the token replaced by `text`, and where the caret goes (after the text). */
export function insertAtToken(draft: string, token: SlashToken, text: string): { draft: string; caret: number } {
  const before = draft.slice(0, token.start);
  const after = draft.slice(token.end);
  return { draft: before + text + after, caret: before.length + text.length };
}
