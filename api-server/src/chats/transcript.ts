import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';

const AUTHOR: Record<MessageDto['authorKind'], string> = { VISITOR: 'Visitor', OPERATOR: 'Operator', AI: 'AI assistant', SYSTEM: 'System' };

/** A chat as plain text, one message per line block, private notes marked. */
export function transcriptText(chat: ChatSummaryDto, messages: MessageDto[]): string {
  const visitor = chat.visitor.name ?? chat.visitor.email ?? `Visitor ${chat.visitor.id.slice(-5)}`;
  const lines = [
    `Chat ${chat.id} — ${chat.siteName}`,
    `Visitor: ${visitor}${chat.visitor.email && chat.visitor.name ? ` <${chat.visitor.email}>` : ''}`,
    `Started: ${chat.createdAt}   Status: ${chat.status}`,
    '',
  ];
  for (const m of messages) {
    const who = m.authorKind === 'VISITOR' ? visitor : (m.authorName ?? AUTHOR[m.authorKind]);
    lines.push(`[${m.createdAt}] ${who}${m.internal ? ' (private note)' : ''}:`);
    lines.push(...m.text.split('\n').map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}
