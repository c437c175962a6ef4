import type { ChatSummaryDto } from '@chatiq/contracts';

/** How a visitor is named in the inbox: their name or email when given, else `anonymous` ("Visitor 1a2b3"). */
export function visitorLabel(chat: Pick<ChatSummaryDto, 'visitor'>, anonymous: string): string {
  return chat.visitor.name ?? chat.visitor.email ?? anonymous;
}

/** The short id that tells anonymous visitors apart. */
export function visitorShortId(chat: Pick<ChatSummaryDto, 'visitor'>): string {
  return chat.visitor.id.slice(-5);
}
