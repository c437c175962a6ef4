import type { ChatSummaryDto } from '@chatiq/contracts';

/** How a visitor is named in the inbox: their name or email when given, else a short id. */
export function visitorLabel(chat: ChatSummaryDto): string {
  return chat.visitor.name ?? chat.visitor.email ?? `Visitor ${chat.visitor.id.slice(-5)}`;
}
