/** What the follow-up mail needs to know; rows as stored. */
export type FollowUpMailInput = {
  site: { name: string };
  visitor: { id: string; name: string | null; email: string | null };
  /** The visitor's unanswered messages, oldest first. */
  messages: { text: string; createdAt: Date; attachmentName?: string | null }[];
  /** The chat in the admin panel. */
  chatUrl: string;
};

/** How the team sees the visitor: their name and/or email, else a short id. */
export function visitorLabel(visitor: FollowUpMailInput['visitor']): string {
  if (visitor.name && visitor.email) return `${visitor.name} <${visitor.email}>`;
  return visitor.name ?? visitor.email ?? `Visitor ${visitor.id.slice(-5)}`;
}

/**
 * The mail to the site's team about a chat that waits for a follow-up: who wrote (and how to
 * reach them), what they wrote, and the link to answer. Plain text: visitor input is never
 * interpreted, whatever it contains.
 */
export function followUpMail(input: FollowUpMailInput): { subject: string; text: string } {
  const who = visitorLabel(input.visitor);
  const lines = [
    `${who} wrote on ${input.site.name} and is waiting for an answer.`,
    '',
    `Name:  ${input.visitor.name ?? '(not given)'}`,
    `Email: ${input.visitor.email ?? '(not given: answer in the chat)'}`,
    '',
  ];
  for (const message of input.messages) {
    lines.push(`[${message.createdAt.toISOString()}]`);
    lines.push(...message.text.split('\n').map((line) => `  ${line}`));
    if (message.attachmentName) lines.push(`  (attachment: ${message.attachmentName})`);
  }
  lines.push('', `Answer in ChatIQ: ${input.chatUrl}`);
  return { subject: `[${input.site.name}] New message from ${who}`, text: `${lines.join('\n')}\n` };
}
