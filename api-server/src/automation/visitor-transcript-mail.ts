/** One visible message of the chat, as stored. */
export type TranscriptMessage = {
  authorKind: 'VISITOR' | 'OPERATOR' | 'AI' | 'SYSTEM';
  authorName: string | null;
  text: string;
  createdAt: Date;
  attachmentName?: string | null;
};

/**
 * The transcript a visitor asks for: the messages they saw in the chat (the caller passes only
 * visible ones, never private notes), authored as they saw them. Plain text.
 */
export function visitorTranscriptMail(input: { site: { name: string }; messages: TranscriptMessage[] }): { subject: string; text: string } {
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
  const lines = [`Your conversation with ${input.site.name}`, ''];
  for (const m of input.messages) {
    lines.push(`[${m.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC] ${author(m)}:`);
    lines.push(...m.text.split('\n').map((line) => `  ${line}`));
    if (m.attachmentName) lines.push(`  (attachment: ${m.attachmentName})`);
  }
  return { subject: `Your conversation with ${input.site.name}`, text: `${lines.join('\n')}\n` };
}
