import type { Readable } from 'node:stream';
import {
  type AttachmentMessageDto,
  type AttachmentMimeType,
  type AttachmentUploadResult,
  type attachmentUploadFieldsSchema,
  type MessageDto,
  type widgetAttachmentQuerySchema,
  type widgetAttachmentUploadFieldsSchema,
} from '@chatiq/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { ChatsService } from '../chats/chats.service.js';
import { VisitorChatsService } from '../chats/visitor-chats.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Message } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { cleanFileName, sniffAttachmentType } from './attachment-type.js';
import type { ReceivedUpload } from './upload-engine.js';

type UploadFields = z.output<typeof attachmentUploadFieldsSchema>;
type WidgetUploadFields = z.output<typeof widgetAttachmentUploadFieldsSchema>;
type WidgetQuery = z.output<typeof widgetAttachmentQuerySchema>;

/** A file accepted for a message: stored under `key`, of a sniffed, allowed type. */
type AcceptedFile = { key: string; name: string; type: AttachmentMimeType; size: number };

/** An attachment to stream back. */
export type AttachmentDownload = { name: string; type: string; size: number; stream: Readable };

/**
 * Chat attachments. An upload arrives already stored (the multer engine streams it into the
 * AttachmentStorage); this service decides whether it is kept: the caller may use the chat, the
 * fields are valid, the sniffed type is allowed. Then it becomes a message, through the same
 * services as a typed one (sequence numbers, resends, assignment, the `messageStored` event). On any
 * refusal, and for a resend, the stored file is deleted again: nothing is left behind.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly chats: ChatsService,
    private readonly visitors: VisitorChatsService,
    private readonly sites: SitesService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** Refuses, before any byte of the body is read, an operator who may not see the chat (404). */
  async assertOperatorMayUpload(user: AuthUser, chatId: string): Promise<void> {
    await this.chats.assertCanSee(user, chatId);
  }

  /** An operator's file (with an optional caption) as a reply to the visitor. */
  uploadAsOperator(
    user: AuthUser,
    chatId: string,
    fields: UploadFields,
    upload: ReceivedUpload | undefined,
  ): Promise<AttachmentUploadResult> {
    return this.keepOrDiscard(upload, async (file) => {
      const chat = await this.chats.assertCanSee(user, chatId);
      const accepted = await this.accept(file);
      const posted = await this.chats.post(user, { chatId: chat.id, clientId: fields.clientId, text: fields.text ?? '' }, false, {
        access: chat,
        attachment: accepted,
      });
      return this.answer(posted);
    });
  }

  /** A visitor's file, into their open chat (a new chat when they have none), as `visitor:message` does. */
  uploadAsVisitor(
    origin: string | undefined,
    fields: WidgetUploadFields,
    upload: ReceivedUpload | undefined,
  ): Promise<AttachmentUploadResult> {
    return this.keepOrDiscard(upload, async (file) => {
      const site = await this.sites.findForWidget(fields.siteId, origin);
      const visitor = await this.prisma.visitor.findFirst({ where: { id: fields.visitorId, siteId: site.id } });
      if (!visitor) throw new AppError('not_found', 'No such visitor on this site');
      const accepted = await this.accept(file);
      const open = await this.visitors.openChatOf(visitor.id, site.id);
      const posted = await this.visitors.postMessage(
        site,
        { id: visitor.id, name: visitor.name, chatId: open?.id ?? null },
        { clientId: fields.clientId, text: fields.text ?? '' },
        { attachment: accepted, locale: visitor.locale },
      );
      return this.answer(posted);
    });
  }

  /** An attachment of a chat the operator may see (else not_found, as for anything of another tenant). */
  async openForOperator(user: AuthUser, messageId: string): Promise<AttachmentDownload> {
    const message = await this.prisma.message.findFirst({
      where: { id: messageId, organizationId: user.organizationId, attachmentKey: { not: null } },
    });
    if (!message) throw notFound();
    try {
      await this.chats.assertCanSee(user, message.chatId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'chat_not_found') throw notFound();
      throw error;
    }
    return this.open(message);
  }

  /** An attachment of one of the visitor's chats (never of a private note). */
  async openForVisitor(origin: string | undefined, messageId: string, query: WidgetQuery): Promise<AttachmentDownload> {
    const site = await this.sites.findForWidget(query.siteId, origin);
    const message = await this.prisma.message.findFirst({
      where: {
        id: messageId,
        organizationId: site.organizationId,
        internal: false,
        attachmentKey: { not: null },
        chat: { siteId: site.id, visitorId: query.visitorId },
      },
    });
    if (!message) throw notFound();
    return this.open(message);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Runs `use` on a stored upload and deletes the stored file unless `use` attached it to a new
   * message (a refusal, an error, or a resend that answers with the message stored before).
   */
  private async keepOrDiscard(
    upload: ReceivedUpload | undefined,
    use: (file: ReceivedUpload | undefined) => Promise<{ result: AttachmentUploadResult; kept: boolean }>,
  ): Promise<AttachmentUploadResult> {
    let kept = false;
    try {
      const outcome = await use(upload);
      kept = outcome.kept;
      return outcome.result;
    } finally {
      if (upload?.key && !kept) {
        // A failed clean-up must not hide the answer (the refusal, or the stored message).
        await this.storage
          .delete(upload.key)
          .catch((error: unknown) => this.logger.error(`Could not delete upload ${upload.key}: ${String(error)}`));
      }
    }
  }

  /** The upload's type, sniffed from its bytes, or a typed refusal. */
  private async accept(upload: ReceivedUpload | undefined): Promise<AcceptedFile> {
    if (!upload?.key) {
      throw new AppError('validation_failed', 'Attach a file (multipart field "file")', [{ path: ['file'], message: 'Required' }]);
    }
    const name = cleanFileName(upload.originalname);
    const type = await sniffAttachmentType({ name, size: upload.size, head: upload.head, textual: upload.textual });
    return { key: upload.key, name, type, size: upload.size };
  }

  /**
   * The answer for the message just stored with its file (one write: the file's fields went in
   * with the message; the chats domain announced it, as any message). A resend (the client id is
   * stored already) answers with the stored message and keeps the first upload's file, so this
   * upload's copy is discarded.
   */
  private answer(posted: PostedMessage): { result: AttachmentUploadResult; kept: boolean } {
    if (!posted.message.attachment) throw new AppError('validation_failed', 'This clientId belongs to a message without a file');
    return { result: { message: toAttachmentMessageDto(posted.message) }, kept: posted.created };
  }

  private async open(message: Message): Promise<AttachmentDownload> {
    const stored = message.attachmentKey ? await this.storage.get(message.attachmentKey) : null;
    if (!stored) throw new AppError('not_found', 'The file of this attachment is missing');
    return {
      name: message.attachmentName ?? 'file',
      type: message.attachmentType ?? 'application/octet-stream',
      size: stored.size,
      stream: stored.stream,
    };
  }
}

/** A message known to carry its attachment. */
function toAttachmentMessageDto(message: MessageDto): AttachmentMessageDto {
  if (!message.attachment) throw new Error('message without attachment');
  return { ...message, attachment: message.attachment };
}

function notFound(): AppError {
  return new AppError('not_found', 'No such attachment');
}
