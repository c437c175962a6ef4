import type { SystemEvent } from '@chatiq/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { toMessageDto } from '../chats/chat-dto.js';
import { ChatSummariesService } from '../chats/chat-summaries.service.js';
import { ChatsService } from '../chats/chats.service.js';
import { MessagesService } from '../chats/messages.service.js';
import { loadSummary } from '../chats/summary-loader.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Chat, Message, Site, Visitor } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import type { StoredAutoReplyRule } from './auto-reply-matcher.js';
import { describeTrigger } from './auto-reply-rows.js';
import { renderTemplate } from './template-renderer.js';

export type Firing = {
  rule: StoredAutoReplyRule;
  chat: Chat;
  site: Site;
  visitor: Visitor;
  /** What the rule answers: the visitor message's seq, or "hours:<next opening>" for OUTSIDE_HOURS. */
  cause: string;
  /** The visitor message that caused it, for the log line. */
  causeSeq: number;
};

/**
 * Carries out one auto-reply: claims the firing, sends the reply, applies the rule's status and
 * assignment, and logs it in the chat.
 *
 * The claim comes first: an AutoReplyFiring row, unique per (rule, chat, cause). Whoever inserts
 * it fires; anyone else (another API node's scheduler, a retried event) hits the unique index
 * and stops. So a rule answers a visitor message at most once, however many nodes see it.
 *
 * The reply is a visible SYSTEM message: automated replies never come back through the visitor
 * listener (only the visitor's own messages do), so rules cannot trigger each other, and SYSTEM
 * does not count as an operator's answer (NO_REPLY keeps waiting for a human).
 */
/** The client id of an auto-reply's message starts with this (analytics tells auto-replies apart by it). */
export const AUTO_REPLY_CLIENT_ID_PREFIX = 'auto-reply:';

@Injectable()
export class AutoReplyFiringService {
  private readonly logger = new Logger(AutoReplyFiringService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly messages: MessagesService,
    private readonly summaries: ChatSummariesService,
    private readonly chats: ChatsService,
    private readonly events: ChatEventsService,
  ) {}

  /** True when this call fired the rule; false when it had already fired for this cause or the chat is gone or resolved. */
  async fire(firing: Firing): Promise<boolean> {
    const { rule, chat } = firing;
    let claim: { id: string };
    try {
      claim = await this.prisma.autoReplyFiring.create({
        data: { organizationId: chat.organizationId, chatId: chat.id, autoReplyId: rule.id, cause: firing.cause },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }

    const assignee = rule.assignToOperatorId ? await this.assignableOperator(chat, rule.assignToOperatorId) : null;
    const operatorId = assignee?.id ?? chat.assignedOperatorId;
    const operator = operatorId ? await this.prisma.user.findUnique({ where: { id: operatorId }, select: { name: true } }) : null;
    const text = renderTemplate(rule.replyText, {
      visitor: { name: firing.visitor.name, email: firing.visitor.email },
      operator,
      site: { name: firing.site.name },
    }).trim();

    // openOnly: a chat resolved meanwhile (by an operator, or an earlier rule) gets no reply.
    const reply = text
      ? await this.append(chat, { clientId: `${AUTO_REPLY_CLIENT_ID_PREFIX}${claim.id}`, text, internal: false, openOnly: true })
      : null;
    if (!reply) {
      this.logger.log({ chatId: chat.id, autoReplyId: rule.id }, 'auto-reply not sent: the chat is resolved or the reply is empty');
      return false;
    }
    this.events.messageStored({ posted: this.posted(chat, reply), author: { kind: 'SYSTEM' } });
    await this.prisma.autoReplyFiring.update({ where: { id: claim.id }, data: { messageId: reply.id } });

    const actions = await this.applyActions(firing, assignee);
    const logged = await this.append(chat, {
      clientId: `auto-reply-note:${claim.id}`,
      ...firingNote(firing, actions),
      internal: true,
      openOnly: false,
    });
    if (logged) this.events.messageStored({ posted: this.posted(chat, logged), author: { kind: 'SYSTEM' } });
    return true;
  }

  /** The rule's status and assignment; returns what changed, for the log line. */
  private async applyActions(firing: Firing, assignee: { id: string; name: string } | null): Promise<FiringActions> {
    const { rule, chat } = firing;
    const current = await this.prisma.chat.findUnique({ where: { id: chat.id } });
    if (!current) return {};
    const done: FiringActions = {};
    const data: {
      status?: 'PENDING' | 'RESOLVED';
      resolvedAt?: Date | null;
      snoozedUntil?: null;
      assignedOperatorId?: string;
      handledBy?: 'OPERATOR';
    } = {};
    if (rule.setStatus && current.status !== rule.setStatus) {
      data.status = rule.setStatus;
      data.resolvedAt = rule.setStatus === 'RESOLVED' ? new Date() : null;
      data.snoozedUntil = null; // a snoozed chat's wake-up time goes with its status
      done.status = rule.setStatus;
    }
    if (rule.assignToOperatorId && !assignee) done.notAssigned = true;
    if (assignee && current.assignedOperatorId !== assignee.id) {
      data.assignedOperatorId = assignee.id;
      data.handledBy = 'OPERATOR';
      done.assignee = assignee.name;
    }
    if (Object.keys(data).length === 0) return done;
    await this.prisma.chat.update({ where: { id: chat.id }, data });
    await this.chats.announceChange(chat.id, data.status);
    return done;
  }

  /** The rule's operator, if they may still take chats of this site (active, and OWNER/ADMIN or assigned to it). */
  private assignableOperator(chat: Chat, operatorId: string): Promise<{ id: string; name: string } | null> {
    return this.prisma.user.findFirst({
      where: {
        id: operatorId,
        organizationId: chat.organizationId,
        active: true,
        OR: [{ role: { in: ['OWNER', 'ADMIN'] } }, { siteUsers: { some: { siteId: chat.siteId } } }],
      },
      select: { id: true, name: true },
    });
  }

  private async append(
    chat: Chat,
    {
      clientId,
      text,
      internal,
      openOnly,
      systemEvent,
    }: { clientId: string; text: string; internal: boolean; openOnly: boolean; systemEvent?: SystemEvent },
  ): Promise<Message | null> {
    const stored = await this.messages.append(
      {
        organizationId: chat.organizationId,
        chatId: chat.id,
        clientId,
        authorKind: 'SYSTEM',
        authorId: null,
        authorName: null,
        text,
        internal,
        ...(systemEvent ? { systemEvent } : {}),
      },
      { openOnly },
    );
    return stored?.message ?? null;
  }

  private posted(chat: Chat, message: Message): PostedMessage {
    return {
      message: toMessageDto(message),
      chat: loadSummary(this.summaries, chat.id),
      created: true,
      organizationId: chat.organizationId,
      visitorId: chat.visitorId,
    };
  }
}

/** What a firing changed in the chat besides replying. */
type FiringActions = { status?: 'PENDING' | 'RESOLVED'; assignee?: string; notAssigned?: true };

/**
 * The private note logging a firing: `auto_reply.fired` with the rule's trigger and what it did
 * (see `systemEventSchema`), and the English sentence as the text:
 * "Auto-reply: keyword rule ("price") answered message #3; status set to PENDING; assigned to Bohdan".
 */
function firingNote(firing: Pick<Firing, 'rule' | 'causeSeq'>, actions: FiringActions): { text: string; systemEvent: SystemEvent } {
  const { rule } = firing;
  const params: Record<string, string> = { trigger: rule.trigger, seq: String(firing.causeSeq) };
  if (rule.trigger === 'KEYWORD') params.keywords = rule.keywords.map((k) => `"${k}"`).join(', ');
  if (rule.trigger === 'PATTERN') params.pattern = rule.pattern;
  if (rule.trigger === 'NO_REPLY') params.seconds = String(rule.noReplySeconds);
  const done: string[] = [];
  if (actions.status) {
    params.status = actions.status;
    done.push(`status set to ${actions.status}`);
  }
  if (actions.notAssigned) {
    params.notAssigned = 'true';
    done.push('not assigned: the operator can no longer take this chat');
  }
  if (actions.assignee !== undefined) {
    params.assignee = actions.assignee;
    done.push(`assigned to ${actions.assignee}`);
  }
  const text = [`Auto-reply: ${describeTrigger(rule)} answered message #${firing.causeSeq}`, ...done].join('; ');
  return { text, systemEvent: { code: 'auto_reply.fired', params } };
}
