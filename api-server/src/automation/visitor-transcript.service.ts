import type { visitorTranscriptPayloadSchema } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { ChatsService } from '../chats/chats.service.js';
import { siteTimeZone } from '../chats/transcript-format.js';
import { AppError } from '../common/errors/app-error.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import type { Chat, Message, Site } from '../generated/prisma/client.js';
import { MailService } from '../mail/mail.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { visitorTranscriptMail } from './visitor-transcript-mail.js';

type TranscriptRequest = z.output<typeof visitorTranscriptPayloadSchema>;

/** Transcript mails per visitor and window, on one API node: enough for a person, useless for spamming an inbox. */
const TRANSCRIPTS_PER_WINDOW = 3;
const TRANSCRIPT_WINDOW_MS = 10 * 60_000;

/**
 * `visitor:transcript`: mails the visitor what they saw of their chat (visible messages only,
 * never private notes; times in the zone the widget gives, the visitor's, else the site's
 * business-hours zone) to the email they give (which is kept on the visitor, as with
 * `visitor:identify`) or the one they gave before. The chat is the visitor's open one, else their
 * latest on this site: always their own, looked up through the socket's visitor, never an id
 * the client names.
 */
@Injectable()
export class VisitorTranscriptService {
  private readonly sentAt = new Map<string, number[]>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
    private readonly events: ChatEventsService,
    private readonly chats: ChatsService,
  ) {}

  /** Mails the transcript; a new email changes the visitor's profile, so the inbox hears of it. */
  async send(site: Site, visitorId: string, request: TranscriptRequest): Promise<void> {
    const visitor = await this.prisma.visitor.findFirst({ where: { id: visitorId, siteId: site.id } });
    if (!visitor) throw new AppError('validation_failed', 'Send visitor:join first');
    const email = request.email ?? visitor.email;
    if (!email) {
      throw new AppError('validation_failed', 'Invalid input: email: give the address to send the transcript to', [
        { path: ['email'], message: 'No email is known for this visitor: give one' },
      ]);
    }
    const chat = await this.chatOf(site, visitorId);
    if (!chat) throw new AppError('chat_not_found', 'There is no conversation to send yet');
    this.admit(visitorId);

    const emailChanged = request.email !== undefined && request.email !== visitor.email;
    if (emailChanged) {
      await this.prisma.visitor.update({ where: { id: visitor.id }, data: { email: request.email } });
      await this.events.emit('visitorIdentified', {
        site,
        visitorId,
        verifiedUserId: null,
        name: null,
        email: request.email ?? null,
        attributes: null,
      });
    }
    const messages = await this.visibleMessages(chat.id);
    const timeZone = request.timeZone ?? (await siteTimeZone(this.prisma, site.id));
    const named = { ...visitor, email };
    await this.mail.send({ to: email, ...visitorTranscriptMail({ site, visitor: named, chat, messages, timeZone }) });
    if (emailChanged) await this.chats.announceChange(chat.id);
  }

  private async chatOf(site: Site, visitorId: string): Promise<Chat | null> {
    const where = { visitorId, siteId: site.id, organizationId: site.organizationId };
    return (
      (await this.prisma.chat.findFirst({ where: { ...where, status: { not: 'RESOLVED' } }, orderBy: { createdAt: 'desc' } })) ??
      (await this.prisma.chat.findFirst({ where, orderBy: { createdAt: 'desc' } }))
    );
  }

  private async visibleMessages(chatId: string): Promise<Message[]> {
    const all: Message[] = [];
    for (let after = 0; ; ) {
      const page = await this.prisma.message.findMany({
        where: { chatId, internal: false, seq: { gt: after } },
        orderBy: { seq: 'asc' },
        take: 500,
      });
      all.push(...page);
      if (page.length < 500) return all;
      after = page.at(-1)!.seq;
    }
  }

  private admit(visitorId: string): void {
    const now = Date.now();
    const recent = (this.sentAt.get(visitorId) ?? []).filter((at) => now - at < TRANSCRIPT_WINDOW_MS);
    if (recent.length >= TRANSCRIPTS_PER_WINDOW) throw new AppError('rate_limited', 'Too many transcripts requested; try again later');
    recent.push(now);
    this.sentAt.set(visitorId, recent);
    if (this.sentAt.size > 10_000) this.sentAt.delete(this.sentAt.keys().next().value!);
  }
}
