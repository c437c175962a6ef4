import { randomUUID } from 'node:crypto';
import type { AuthorKind, ChatSummaryDto, SystemEvent } from '@chatiq/contracts';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Message } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { previewMessageSql } from './chat-dto.js';
import { reviveRow, type SummaryRow, summaryFromRow } from './chat-summaries.service.js';
import { type BatchJob, MessageBatcher } from './message-batcher.js';

export type NewMessage = {
  organizationId: string;
  chatId: string;
  clientId: string;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string | null;
  text: string;
  /** A private note (operators only). */
  internal?: boolean;
  /** A file already in attachment storage, stored with the message in the same write. */
  attachment?: { key: string; name: string; type: string; size: number };
  /** A SYSTEM message's code and parameters, for clients to render in their reader's language (`text` stays the English fallback). */
  systemEvent?: SystemEvent;
};

/** A message as stored, and, when this call stored it, the chat's summary right after. */
export type AppendResult =
  | { message: Message; created: true; summary: ChatSummaryDto }
  | { message: Message; created: false; summary?: undefined };

/**
 * One statement, so one round trip and atomic: the chat's counters move and the message row is
 * written together, or (on a duplicate client id, whose unique violation fails the whole
 * statement) neither happens, which keeps the numbering gap-free. The UPDATE locks the chat row
 * until commit, so concurrent messages of one chat take consecutive numbers. An operator's reply
 * to a chat nobody owns makes it theirs in the same UPDATE ($15). The chat's summary (what the
 * inbox shows) is read back from the same statement, so the hot path needs no second query; its
 * preview is the new message, or, for a system event or a note, the last preview message before it.
 * A prepared statement: parsed once per connection.
 */
const APPEND = {
  name: 'chatiq_message_append',
  text: `
    WITH chat AS (
      UPDATE "Chat" SET
        "lastSeq" = "lastSeq" + 1,
        "lastPublicSeq" = "lastPublicSeq" + CASE WHEN $9::boolean THEN 0 ELSE 1 END,
        "lastMessageAt" = CASE WHEN $9::boolean THEN "lastMessageAt" ELSE $14::timestamp END,
        "unreadCount" = "unreadCount" + CASE WHEN $5::text = 'VISITOR' THEN 1 ELSE 0 END,
        "firstResponseAt" = CASE WHEN NOT $9::boolean AND $5::text IN ('OPERATOR', 'AI') AND "firstResponseAt" IS NULL
                                 THEN $14::timestamp ELSE "firstResponseAt" END,
        "assignedOperatorId" = COALESCE("assignedOperatorId", $15::text),
        "handledBy" = CASE WHEN "assignedOperatorId" IS NULL AND $15::text IS NOT NULL THEN 'OPERATOR'::"ChatHandler" ELSE "handledBy" END,
        "updatedAt" = $14::timestamp
      WHERE id = $3::text AND (NOT $16::boolean OR status <> 'RESOLVED')
      RETURNING *
    ), message AS (
      INSERT INTO "Message" (id, "organizationId", "chatId", seq, "publicSeq", "clientId", "authorKind", "authorId", "authorName", text, internal,
                             "attachmentKey", "attachmentName", "attachmentType", "attachmentSize", "createdAt", "systemEvent")
      SELECT $1::text, $2::text, chat.id, chat."lastSeq", CASE WHEN $9::boolean THEN NULL ELSE chat."lastPublicSeq" END,
             $4::text, $5::text::"AuthorKind", $6::text, $7::text, $8::text, $9::boolean,
             $10::text, $11::text, $12::text, $13::integer, $14::timestamp, $17::jsonb
      FROM chat
      RETURNING *
    )
    SELECT to_jsonb(message) AS message, to_jsonb(chat) AS chat, s.name AS "siteName", o.name AS "operatorName", to_jsonb(v) AS visitor,
           CASE WHEN ${previewMessageSql('message')} THEN to_jsonb(message)
                ELSE (SELECT to_jsonb(p) FROM "Message" p WHERE p."chatId" = chat.id AND ${previewMessageSql('p')} ORDER BY p.seq DESC LIMIT 1)
           END AS "lastMessage"
    FROM message
    CROSS JOIN chat
    JOIN "Site" s ON s.id = chat."siteId"
    JOIN "Visitor" v ON v.id = chat."visitorId"
    LEFT JOIN "User" o ON o.id = chat."assignedOperatorId"`,
};

/**
 * The same for many messages of different chats at once (group commit, see MessageBatcher): one
 * row per input, in input order (`ord`). Each chat row is locked (in id order) before its
 * message takes the next numbers. Written so that the cached generic plan (the array sizes
 * unknown) still finds every row by its primary key: `= ANY($3)` and scalar subqueries rather than
 * joins, which the planner would turn into scans of whole tables; a resend's insert does nothing (`ON CONFLICT`), so its chat's
 * counters do not move either. `eligible`: the chat exists and may take the message (not
 * resolved when `openOnly`); eligible without a message means a resend.
 */
const APPEND_BATCH = {
  name: 'chatiq_message_append_batch',
  text: `
    WITH input AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[],
                           $10::text[], $11::text[], $12::text[], $13::integer[], $14::timestamp[], $15::text[], $16::boolean[],
                           $17::jsonb[])
        WITH ORDINALITY AS t(id, "organizationId", "chatId", "clientId", "authorKind", "authorId", "authorName", text, internal,
                             "attachmentKey", "attachmentName", "attachmentType", "attachmentSize", "createdAt", "assignTo", "openOnly",
                             "systemEvent", ord)
    ), locked AS (
      SELECT c.id, c."lastSeq", c."lastPublicSeq", c.status
      FROM "Chat" c
      WHERE c.id = ANY($3::text[])
      ORDER BY c.id
      FOR UPDATE
    ), inserted AS (
      INSERT INTO "Message" (id, "organizationId", "chatId", seq, "publicSeq", "clientId", "authorKind", "authorId", "authorName", text, internal,
                             "attachmentKey", "attachmentName", "attachmentType", "attachmentSize", "createdAt", "systemEvent")
      SELECT i.id, i."organizationId", i."chatId", l."lastSeq" + 1, CASE WHEN i.internal THEN NULL ELSE l."lastPublicSeq" + 1 END,
             i."clientId", i."authorKind"::"AuthorKind", i."authorId", i."authorName", i.text, i.internal,
             i."attachmentKey", i."attachmentName", i."attachmentType", i."attachmentSize", i."createdAt", i."systemEvent"
      FROM input i JOIN locked l ON l.id = i."chatId"
      WHERE NOT i."openOnly" OR l.status <> 'RESOLVED'
      ON CONFLICT ("chatId", "clientId") DO NOTHING
      RETURNING *
    ), updated AS (
      UPDATE "Chat" c SET
        "lastSeq" = m.seq,
        "lastPublicSeq" = COALESCE(m."publicSeq", c."lastPublicSeq"),
        "lastMessageAt" = CASE WHEN m.internal THEN c."lastMessageAt" ELSE m."createdAt" END,
        "unreadCount" = c."unreadCount" + CASE WHEN m."authorKind" = 'VISITOR' THEN 1 ELSE 0 END,
        "firstResponseAt" = CASE WHEN NOT m.internal AND m."authorKind" IN ('OPERATOR', 'AI') AND c."firstResponseAt" IS NULL
                                 THEN m."createdAt" ELSE c."firstResponseAt" END,
        "assignedOperatorId" = COALESCE(c."assignedOperatorId", i."assignTo"),
        "handledBy" = CASE WHEN c."assignedOperatorId" IS NULL AND i."assignTo" IS NOT NULL THEN 'OPERATOR'::"ChatHandler" ELSE c."handledBy" END,
        "updatedAt" = m."createdAt"
      FROM inserted m JOIN input i ON i.id = m.id
      WHERE c.id = m."chatId" AND c.id = ANY($3::text[])
      RETURNING c.*
    )
    SELECT i.ord::integer AS ord, l.id IS NOT NULL AND (NOT i."openOnly" OR l.status <> 'RESOLVED') AS eligible,
           to_jsonb(m) AS message, to_jsonb(u) AS chat,
           (SELECT s.name FROM "Site" s WHERE s.id = u."siteId") AS "siteName",
           (SELECT o.name FROM "User" o WHERE o.id = u."assignedOperatorId") AS "operatorName",
           (SELECT to_jsonb(v) FROM "Visitor" v WHERE v.id = u."visitorId") AS visitor,
           -- The preview right after this message: itself, else the chat's last one stored before
           -- it (a batch holds one message per chat, so none of this batch's rows is missed).
           CASE WHEN m.id IS NULL THEN NULL
                WHEN ${previewMessageSql('m')} THEN to_jsonb(m)
                ELSE (SELECT to_jsonb(p) FROM "Message" p WHERE p."chatId" = m."chatId" AND ${previewMessageSql('p')} ORDER BY p.seq DESC LIMIT 1)
           END AS "lastMessage"
    FROM input i
    LEFT JOIN locked l ON l.id = i."chatId"
    LEFT JOIN inserted m ON m.id = i.id
    LEFT JOIN updated u ON u.id = m."chatId"
    ORDER BY i.ord`,
};

type BatchRow = {
  ord: number;
  eligible: boolean;
  message: Record<string, unknown> | null;
  chat: Record<string, unknown> | null;
  siteName: string | null;
  operatorName: string | null;
  visitor: Record<string, unknown> | null;
  lastMessage: Record<string, unknown> | null;
};

type AppendOptions = { openOnly?: boolean; assignTo?: string };
type AppendJob = BatchJob<AppendResult | null> & { input: NewMessage; options: AppendOptions; createdAt: string };

/** Statements storing messages at once (see MessageBatcher); more wait and go together. */
const MAX_BATCHES_IN_FLIGHT = 2;
const MAX_BATCH = 500;

/**
 * Stores messages exactly once. A message takes the chat's next sequence number (the chat row is
 * locked by the increment, so numbers are gap-free and ordered), and, unless it is a private
 * note, the next public sequence number (what the visitor sees, also gap-free); a resend with the
 * same client id returns the stored message instead of a second copy.
 */
@Injectable()
export class MessagesService implements OnModuleDestroy {
  private readonly batcher = new MessageBatcher<AppendJob>((batch) => this.appendBatch(batch), {
    maxInFlight: MAX_BATCHES_IN_FLIGHT,
    maxBatch: MAX_BATCH,
  });

  constructor(private readonly prisma: PrismaService) {}

  /** Messages accepted before shutdown are stored (and acknowledged) before the pool closes. */
  onModuleDestroy(): Promise<void> {
    return this.batcher.drained();
  }

  /**
   * Stores a message, or returns the stored one for a resend. `null` when the chat does not
   * exist, or is resolved and `openOnly` is set (a visitor's next message starts a new chat).
   * `assignTo`: a reply (not a note) by this operator makes an unassigned chat theirs.
   */
  append(input: NewMessage, options: AppendOptions = {}): Promise<AppendResult | null> {
    return new Promise((resolve, reject) => {
      this.batcher.submit({ chatId: input.chatId, input, options, createdAt: new Date().toISOString(), resolve, reject });
    });
  }

  /**
   * Stores a batch in one statement. Should it fail (a constraint, a deadlock with another node
   * locking the same chats in another order…), each message is stored on its own instead, so one
   * bad message fails alone.
   */
  private async appendBatch(batch: AppendJob[]): Promise<void> {
    if (batch.length === 1) {
      // Alone (no load): the single-message statement is the cheaper one for the database.
      const [job] = batch as [AppendJob];
      await this.appendOne(job.input, job.options, job.createdAt).then(job.resolve, job.reject);
      return;
    }
    let rows: BatchRow[];
    try {
      rows = await this.prisma.sql<BatchRow>(APPEND_BATCH, batchParameters(batch));
    } catch {
      await Promise.all(batch.map((job) => this.appendOne(job.input, job.options, job.createdAt).then(job.resolve, job.reject)));
      return;
    }
    const answered = new Set<AppendJob>();
    await Promise.all(
      rows.map(async (row) => {
        const job = batch[row.ord - 1]!;
        answered.add(job);
        try {
          if (!row.eligible) job.resolve(null);
          else if (row.message && row.chat && row.visitor) {
            const message = reviveRow<Message>(row.message);
            const summary = summaryFromRow({
              chat: row.chat,
              siteName: row.siteName!,
              operatorName: row.operatorName,
              visitor: row.visitor,
              lastMessage: row.lastMessage,
            });
            job.resolve({ message, created: true, summary });
          } else {
            // A resend: the stored message (or, should it have vanished meanwhile, a fresh try).
            const stored = await this.findByClientId(job.input.chatId, job.input.clientId);
            job.resolve(stored ? { message: stored, created: false } : await this.appendOne(job.input, job.options, job.createdAt));
          }
        } catch (error) {
          job.reject(error);
        }
      }),
    );
    // One row per input is what the statement returns; should one be missing, no message waits forever.
    for (const job of batch) if (!answered.has(job)) this.appendOne(job.input, job.options, job.createdAt).then(job.resolve, job.reject);
  }

  private async appendOne(input: NewMessage, options: AppendOptions, createdAt: string): Promise<AppendResult | null> {
    try {
      return await this.insert(input, options, createdAt);
    } catch (error) {
      // A resend (or a concurrent copy) of the same client id: answer with the stored row.
      if (isUniqueViolation(error)) {
        const stored = await this.findByClientId(input.chatId, input.clientId);
        if (stored) return { message: stored, created: false };
      }
      throw error;
    }
  }

  private async insert(input: NewMessage, options: AppendOptions, createdAt: string): Promise<AppendResult | null> {
    const rows = await this.prisma.sql<SummaryRow & { message: Record<string, unknown> }>(
      APPEND,
      appendParameters({ input, options, createdAt }),
    );
    const row = rows[0];
    if (!row) return null;
    const message = reviveRow<Message>(row.message);
    return { message, created: true, summary: summaryFromRow(row) };
  }

  /** The `limit` messages just before `beforeSeq`, in order (older history, page by page). */
  async before(chatId: string, beforeSeq: number, options: { limit: number; includeInternal: boolean }): Promise<Message[]> {
    const rows = await this.prisma.message.findMany({
      where: { chatId, seq: { lt: beforeSeq }, ...(options.includeInternal ? {} : { internal: false }) },
      orderBy: { seq: 'desc' },
      take: options.limit,
    });
    return rows.reverse();
  }

  /** Messages of a chat after a sequence number, in order; private notes only for operators. */
  after(chatId: string, afterSeq: number, options: { limit?: number; includeInternal: boolean }): Promise<Message[]> {
    return this.prisma.message.findMany({
      where: { chatId, seq: { gt: afterSeq }, ...(options.includeInternal ? {} : { internal: false }) },
      orderBy: { seq: 'asc' },
      take: options.limit ?? 500,
    });
  }

  findByClientId(chatId: string, clientId: string): Promise<Message | null> {
    return this.prisma.message.findUnique({ where: { chatId_clientId: { chatId, clientId } } });
  }
}

/** The batch as the columns of APPEND_BATCH's `input` (arrays of equal length, in batch order). */
function batchParameters(batch: AppendJob[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: APPEND_PARAMETERS }, () => []);
  for (const job of batch) {
    const values = appendParameters(job);
    for (let i = 0; i < values.length; i++) columns[i]!.push(values[i]);
  }
  return columns;
}

/** How many parameters APPEND takes, and so how many columns APPEND_BATCH's `input` has. */
const APPEND_PARAMETERS = 17;

/**
 * One message's parameters, in the order of APPEND's placeholders and APPEND_BATCH's `input`
 * columns. The system event goes as JSON text (cast to jsonb, and jsonb[] in a batch).
 */
function appendParameters({ input, options, createdAt }: Pick<AppendJob, 'input' | 'options' | 'createdAt'>): unknown[] {
  const internal = input.internal ?? false;
  return [
    randomUUID(),
    input.organizationId,
    input.chatId,
    input.clientId,
    input.authorKind,
    input.authorId,
    input.authorName,
    input.text,
    internal,
    input.attachment?.key ?? null,
    input.attachment?.name ?? null,
    input.attachment?.type ?? null,
    input.attachment?.size ?? null,
    createdAt,
    !internal && input.authorKind === 'OPERATOR' ? (options.assignTo ?? null) : null,
    options.openOnly ?? false,
    input.systemEvent ? JSON.stringify(input.systemEvent) : null,
  ];
}
