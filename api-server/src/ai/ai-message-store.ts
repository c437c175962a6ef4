import { randomUUID } from 'node:crypto';
import type { Message } from '../generated/prisma/client.js';
import type { PrismaService } from '../prisma/prisma.service.js';

export type AiAnswer = { organizationId: string; chatId: string; streamId: string; text: string };

/** How an AI answer is signed in the chat. */
export const AI_AUTHOR_NAME = 'AI assistant';

/**
 * Stores the AI's answer, but only while the AI still holds the chat: state `AI`, no operator
 * assigned, not resolved. The check and the write are one statement: the UPDATE takes the chat
 * row's lock and PostgreSQL re-checks its WHERE against the newest row version once it has it,
 * so an operator's takeover committed first (on any API node, whether or not the stream was
 * aborted) makes this store nothing; a takeover after it waits for the row and comes second.
 *
 * Numbering is MessagesService.insert's (the chat's next `seq` and `publicSeq`, gap-free); it is
 * repeated here only to add the guard to the same statement. Null: the AI no longer holds the chat.
 */
export async function storeAiAnswer(prisma: PrismaService, answer: AiAnswer): Promise<Message | null> {
  const now = new Date();
  const rows = await prisma.$queryRaw<Message[]>`
    WITH chat AS (
      UPDATE "Chat" SET
        "lastSeq" = "lastSeq" + 1,
        "lastPublicSeq" = "lastPublicSeq" + 1,
        "lastMessageAt" = ${now},
        "firstResponseAt" = COALESCE("firstResponseAt", ${now}),
        "updatedAt" = ${now}
      WHERE id = ${answer.chatId} AND "aiState" = 'AI' AND "assignedOperatorId" IS NULL AND status <> 'RESOLVED'
      RETURNING "lastSeq", "lastPublicSeq"
    )
    INSERT INTO "Message" (id, "organizationId", "chatId", seq, "publicSeq", "clientId", "authorKind", "authorId", "authorName", text, internal, "createdAt")
    SELECT ${randomUUID()}, ${answer.organizationId}, ${answer.chatId}, chat."lastSeq", chat."lastPublicSeq",
           ${`ai:${answer.streamId}`}, 'AI'::"AuthorKind", NULL, ${AI_AUTHOR_NAME}, ${answer.text}, false, ${now}
    FROM chat
    RETURNING *`;
  return rows[0] ?? null;
}
