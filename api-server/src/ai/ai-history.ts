import type { Message } from '../generated/prisma/client.js';
import type { PrismaService } from '../prisma/prisma.service.js';
import type { AiHistoryTurn } from './ai-stream-event.js';

/** The most recent messages the model sees, and at most this much text of them. */
const MAX_MESSAGES = 40;
const MAX_CHARS = 24_000;

/**
 * An answer and the visitor messages written while it was being generated (after the history it
 * was given, before it was stored): the model sees those after the answer, as the visitor meant
 * them, not before it as the sequence numbers have them.
 */
export type LateTurns = { historySeq: number; answerSeq: number };

export type AiHistory = {
  turns: AiHistoryTurn[];
  /** The newest message included (0 when none). */
  lastSeq: number;
};

/**
 * The chat as the model sees it: the visitor's messages as `user`, the AI's and operators' replies
 * as `assistant`, oldest first. Private notes and system messages (handoffs, auto-replies) are
 * left out; the oldest turns go first when the chat is long.
 */
export async function loadAiHistory(prisma: PrismaService, chatId: string, late: readonly LateTurns[] = []): Promise<AiHistory> {
  const rows = await prisma.message.findMany({
    where: { chatId, internal: false, authorKind: { in: ['VISITOR', 'AI', 'OPERATOR'] } },
    orderBy: { seq: 'desc' },
    take: MAX_MESSAGES,
  });
  const turns: { order: number; turn: AiHistoryTurn }[] = [];
  let chars = 0;
  for (const row of rows) {
    const text = turnText(row);
    if (!text) continue;
    if (chars + text.length > MAX_CHARS && turns.length > 0) break;
    chars += text.length;
    turns.push({
      order: orderOf(row, late),
      turn: { role: row.authorKind === 'VISITOR' ? 'user' : 'assistant', text: text.slice(-MAX_CHARS) },
    });
  }
  turns.sort((a, b) => a.order - b.order);
  return { turns: turns.map((t) => t.turn), lastSeq: rows[0]?.seq ?? 0 };
}

function orderOf(row: Message, late: readonly LateTurns[]): number {
  if (row.authorKind !== 'VISITOR') return row.seq;
  const answer = late.find((range) => row.seq > range.historySeq && row.seq < range.answerSeq);
  return answer ? answer.answerSeq + row.seq / 1e9 : row.seq;
}

function turnText(message: Message): string {
  const attachment = message.attachmentName ? `[attachment: ${message.attachmentName}]` : '';
  return [message.text.trim(), attachment].filter(Boolean).join('\n');
}
