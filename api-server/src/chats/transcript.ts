import { type ChatSummaryDto, formatBytes, type MessageDto } from '@chatiq/contracts';
import { transcriptTime, transcriptTitle, visitorLabel } from './transcript-format.js';

const AUTHOR: Record<MessageDto['authorKind'], string> = { VISITOR: 'Visitor', OPERATOR: 'Operator', AI: 'AI assistant', SYSTEM: 'System' };

/**
 * A chat as plain text for the operator who downloads it: its title (site, visitor, day), then one
 * block per message with the time in `timeZone` (the reader's) and the author's display name.
 * Private notes are never in it (the caller leaves them out; any that slips through is skipped).
 */
export function transcriptText(chat: ChatSummaryDto, messages: MessageDto[], timeZone: string): string {
  const visitor = visitorLabel(chat.visitor);
  const startedAt = new Date(chat.createdAt);
  const lines = [
    transcriptTitle(chat.siteName, visitor, startedAt, timeZone),
    `Visitor: ${visitor}${chat.visitor.email && chat.visitor.name ? ` <${chat.visitor.email}>` : ''}`,
    `Started: ${transcriptTime(startedAt, timeZone)}   Status: ${chat.status}`,
    `Times in ${timeZone}`,
    '',
  ];
  for (const m of messages) {
    if (m.internal) continue;
    const who = m.authorKind === 'VISITOR' ? visitor : (m.authorName ?? AUTHOR[m.authorKind]);
    lines.push(`[${transcriptTime(new Date(m.createdAt), timeZone)}] ${who}:`);
    lines.push(...m.text.split('\n').map((l) => `  ${l}`));
    if (m.attachment) lines.push(`  (attachment: ${m.attachment.name}, ${formatBytes(m.attachment.size)})`);
  }
  return `${lines.join('\n')}\n`;
}
