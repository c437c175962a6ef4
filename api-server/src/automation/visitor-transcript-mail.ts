import { formatBytes } from '@chatiq/contracts';
import { transcriptTime, transcriptTitle, visitorLabel } from '../chats/transcript-format.js';

/** One visible message of the chat, as stored. */
export type TranscriptMessage = {
  authorKind: 'VISITOR' | 'OPERATOR' | 'AI' | 'SYSTEM';
  authorName: string | null;
  text: string;
  createdAt: Date;
  attachmentName?: string | null;
  attachmentSize?: number | null;
};

/**
 * The transcript a visitor asks for: the chat's title (site, visitor, day), the messages they saw
 * in it (the caller passes only visible ones, never private notes), authored as they saw them
 * (operators by their display names), at times in `timeZone` (the visitor's, else the site's).
 * Plain text.
 */
export function visitorTranscriptMail(input: {
  site: { name: string };
  visitor: { id: string; name: string | null; email: string | null };
  chat: { createdAt: Date };
  messages: TranscriptMessage[];
  timeZone: string;
}): { subject: string; text: string } {
  const author = (m: TranscriptMessage): string => {
    switch (m.authorKind) {
      case 'VISITOR':
        return 'You';
      case 'OPERATOR':
        return m.authorName ?? input.site.name;
      case 'AI':
        return m.authorName ?? `${input.site.name} assistant`;
      case 'SYSTEM':
        return input.site.name;
    }
  };
  const { timeZone } = input;
  const lines = [transcriptTitle(input.site.name, visitorLabel(input.visitor), input.chat.createdAt, timeZone), `Times in ${timeZone}`, ''];
  for (const m of input.messages) {
    lines.push(`[${transcriptTime(m.createdAt, timeZone)}] ${author(m)}:`);
    lines.push(...m.text.split('\n').map((line) => `  ${line}`));
    if (m.attachmentName) {
      lines.push(`  (attachment: ${m.attachmentName}${m.attachmentSize ? `, ${formatBytes(m.attachmentSize)}` : ''})`);
    }
  }
  return { subject: `Your conversation with ${input.site.name}`, text: `${lines.join('\n')}\n` };
}
