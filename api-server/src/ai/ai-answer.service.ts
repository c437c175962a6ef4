import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { toMessageDto } from '../chats/chat-dto.js';
import { ChatSummariesService } from '../chats/chat-summaries.service.js';
import { loadSummary } from '../chats/summary-loader.js';
import { findEgressRefusal } from '../common/egress/egress-agent.js';
import { ChatEventsService, LISTENER_ORDER, type MessageAuthor } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Chat } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AiChatStateService } from './ai-chat-state.service.js';
import { AiError, toAiError } from './ai-errors.js';
import { type AiHistory, type LateTurns, loadAiHistory } from './ai-history.js';
import { storeAiAnswer } from './ai-message-store.js';
import { AiSettingsService, type AnsweringSettings } from './ai-settings.service.js';
import type { AiStreamEvent, AiUsage } from './ai-stream-event.js';
import { AiStreamsService, type LiveStream } from './ai-streams.service.js';
import { AiUsageService } from './ai-usage.service.js';
import { asksForHuman } from './human-request.js';

type VisitorAuthor = Extract<MessageAuthor, { kind: 'VISITOR' }>;

/** What became of one turn: answered (then answer what the visitor wrote meanwhile), or the AI let go. */
type Outcome = { answered: LateTurns } | 'stopped';

/**
 * A chat the AI is working on on this node. `again`: the visitor wrote meanwhile; `late`: where
 * such messages belong in the history (after the answer they were waiting behind).
 */
type Work = { again: boolean; locale: string | null; late: LateTurns[] };

/**
 * The AI answering visitors. On a visitor's message in a chat no person owns, on a site with the
 * AI on: a request for a human hands over at once (before any model call); otherwise the AI
 * claims the chat and streams an answer to the chat history (`ai:typing`, `ai:delta`…), stores it
 * as an AI message and fans it out like any reply. Failures, the model's `handoff_to_human` call
 * and spent token caps hand the chat to people (see AiChatStateService); failures also update the
 * site's AI status for the admin. One answer at a time per chat: messages that arrive meanwhile
 * are answered together once it is done.
 */
@Injectable()
export class AiAnswerService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AiAnswerService.name);
  private readonly working = new Map<string, Work>();
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: ChatEventsService,
    private readonly settings: AiSettingsService,
    private readonly state: AiChatStateService,
    private readonly streams: AiStreamsService,
    private readonly usage: AiUsageService,
    private readonly summaries: ChatSummariesService,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'messageStored',
      ({ posted, author }) => (author.kind === 'VISITOR' ? this.onVisitorMessage(author, posted) : undefined),
      LISTENER_ORDER.ai,
    );
  }

  /** Stops every answer of this node and waits for them to wind down (no writes after the abort). */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.streams.stopAll();
    await this.whenIdle();
  }

  /**
   * Resolves once no answer is running on this node (each has stored, discarded or given up, and
   * sent its last event): the barrier after which a test may assert that no more AI text came.
   */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Decides, before automation looks at the chat, whether the AI takes it; the answer itself
   * streams afterwards without holding up the other listeners.
   */
  private async onVisitorMessage({ site, locale }: VisitorAuthor, posted: PostedMessage): Promise<void> {
    if (this.closing) return;
    const chatId = posted.message.chatId;
    const active = await this.settings.forAnswering(site.id).catch((error: unknown) => {
      // The key cannot be opened: treated like any AI failure of this chat below.
      return error instanceof AiError ? error : Promise.reject(error);
    });
    if (!active) return; // this site never had an AI
    const chat = await this.prisma.chat.findUnique({ where: { id: chatId } });
    if (!chat || !aiMayAnswer(chat)) return;
    if (active === 'off') {
      // Turned off while the AI held this chat: it goes to people rather than wait for nobody.
      if (chat.aiState === 'AI') await this.state.handOff(chatId, 'ai_error', { locale, detail: AI_TURNED_OFF });
      return;
    }

    if (asksForHuman(posted.message.text)) {
      this.streams.stopHere(chatId, 'visitor_requested');
      await this.state.handOff(chatId, 'visitor_requested', { locale });
      return;
    }
    if (active instanceof AiError) {
      await this.fail(chat, active, locale);
      return;
    }
    if (chat.aiState === null && !(await this.state.claim(chatId))) {
      // Claimed meanwhile: by this node for the visitor's previous message (then this one is
      // answered with it), or taken by a person (then not at all).
      const now = await this.prisma.chat.findUnique({ where: { id: chatId } });
      if (!now || !aiMayAnswer(now) || now.aiState !== 'AI') return;
    }

    const work = this.working.get(chatId);
    if (work) {
      work.again = true;
      work.locale = locale;
      return;
    }
    this.working.set(chatId, { again: false, locale, late: [] });
    const running: Promise<void> = this.work(chatId, site.id).finally(() => this.running.delete(running));
    this.running.add(running);
  }

  /** Answers the chat until no visitor message is left unanswered (or the AI lets go). */
  private async work(chatId: string, siteId: string): Promise<void> {
    try {
      for (;;) {
        const work = this.working.get(chatId)!;
        work.again = false;
        const outcome = await this.answerOnce(chatId, siteId, work.locale, work.late);
        if (outcome === 'stopped' || !work.again || this.closing) break;
        work.late.push(outcome.answered);
      }
    } catch (error) {
      if (!this.closing) this.logger.error({ chatId, error: String(error) }, 'AI answer failed unexpectedly');
    } finally {
      this.working.delete(chatId);
    }
  }

  private async answerOnce(chatId: string, siteId: string, locale: string | null, late: readonly LateTurns[]): Promise<Outcome> {
    const chat = await this.prisma.chat.findUnique({ where: { id: chatId } });
    if (!chat || !aiMayAnswer(chat) || chat.aiState !== 'AI') return 'stopped';
    let active: AnsweringSettings | 'off' | null;
    try {
      active = await this.settings.forAnswering(siteId);
    } catch (error) {
      await this.fail(chat, toAiError(error), locale);
      return 'stopped';
    }
    if (!active || active === 'off') {
      await this.state.handOff(chatId, 'ai_error', { locale, detail: AI_TURNED_OFF });
      return 'stopped';
    }
    const { row } = active;

    // Caps are checked before the call: an answer in progress is never cut off by them.
    if (chat.aiTokensUsed >= row.chatTokenCap) {
      await this.state.handOff(chatId, 'cap_reached', {
        locale,
        detail: `This chat used ${chat.aiTokensUsed} of its ${row.chatTokenCap} tokens`,
      });
      return 'stopped';
    }
    const today = await this.usage.tokensToday(siteId);
    if (today >= row.dailyTokenCap) {
      await this.state.handOff(chatId, 'cap_reached', {
        locale,
        detail: `The site used ${today} of its ${row.dailyTokenCap} tokens today (UTC)`,
      });
      return 'stopped';
    }

    const history = await loadAiHistory(this.prisma, chatId, late);
    const stream = this.streams.open(chatId, chat.visitorId);
    try {
      return await this.stream(chat, active, history, stream, locale);
    } finally {
      this.streams.close(stream);
    }
  }

  private async stream(
    chat: Chat,
    active: AnsweringSettings,
    history: AiHistory,
    stream: LiveStream,
    locale: string | null,
  ): Promise<Outcome> {
    const site = { organizationId: chat.organizationId, id: chat.siteId };
    let done: Extract<AiStreamEvent, { type: 'done' }> | undefined;
    let handoff: Extract<AiStreamEvent, { type: 'handoff' }> | undefined;
    try {
      const client = this.settings.clientFor(active.client);
      for await (const event of client.streamAnswer({ history: history.turns, signal: stream.controller.signal })) {
        if (event.type === 'delta') {
          if (!this.streams.delta(stream, event.text)) break;
        } else if (event.type === 'handoff') {
          handoff = event;
        } else {
          done = event;
        }
      }
    } catch (error) {
      const failure = toAiError(error, { secrets: [active.client.apiKey] });
      if (failure.isAbort || stream.ended || this.closing) {
        this.streams.aborted(stream, 'operator_takeover');
        if (!this.closing) await this.usage.record(site, { requests: 1 });
        return 'stopped';
      }
      this.streams.aborted(stream, 'ai_error');
      await this.fail(chat, failure, locale);
      return 'stopped';
    }
    if (!done || stream.ended) {
      // Stopped between two events (a takeover): nothing is stored.
      this.streams.aborted(stream, 'operator_takeover');
      if (!this.closing) await (done ? this.spend(chat, done.usage) : this.usage.record(site, { requests: 1 }));
      return 'stopped';
    }

    await this.spend(chat, done.usage);
    await this.settings.recordSuccess(chat.siteId);
    let answerSeq = history.lastSeq;
    if (done.text) {
      const stored = await storeAiAnswer(this.prisma, {
        organizationId: chat.organizationId,
        chatId: chat.id,
        streamId: stream.id,
        text: done.text,
      });
      if (!stored) {
        // A person took the chat meanwhile (maybe on another node): the answer is dropped.
        this.streams.aborted(stream, 'operator_takeover');
        return 'stopped';
      }
      answerSeq = stored.seq;
      const message = toMessageDto(stored);
      this.streams.done(stream, message);
      const posted = {
        message,
        chat: loadSummary(this.summaries, chat.id),
        created: true,
        organizationId: chat.organizationId,
        visitorId: chat.visitorId,
      };
      this.events.messageStored({ posted, author: { kind: 'AI' } });
    } else {
      this.streams.aborted(stream, 'model_requested');
    }
    if (handoff) {
      await this.state.handOff(chat.id, 'model_requested', { locale, detail: handoff.note ?? null });
      return 'stopped';
    }
    return { answered: { historySeq: history.lastSeq, answerSeq } };
  }

  /** The provider failed: the admin sees why, the visitor gets a person. */
  private async fail(chat: Chat, failure: AiError, locale: string | null): Promise<void> {
    this.logger.warn(
      {
        chatId: chat.id,
        siteId: chat.siteId,
        reason: failure.reason,
        status: failure.status,
        code: failure.code,
        refused: findEgressRefusal(failure)?.detail,
      },
      `AI answer failed, handing over: ${failure.message}`,
    );
    await this.usage.record({ organizationId: chat.organizationId, id: chat.siteId }, { requests: 1 });
    await this.settings.recordFailure(chat.siteId, failure);
    await this.state.handOff(chat.id, 'ai_error', { locale, detail: failure.message });
  }

  /** Tokens count against the chat's cap and the site's day. */
  private async spend(chat: Chat, usage: AiUsage): Promise<void> {
    const tokens = usage.inputTokens + usage.outputTokens;
    await this.prisma.chat.update({ where: { id: chat.id }, data: { aiTokensUsed: { increment: tokens } } });
    await this.usage.record(
      { organizationId: chat.organizationId, id: chat.siteId },
      { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, requests: 1 },
    );
  }
}

const AI_TURNED_OFF = 'The AI assistant was turned off for this site';

/** No person owns the chat and the AI has not given it up. */
function aiMayAnswer(chat: Chat): boolean {
  return chat.status !== 'RESOLVED' && chat.assignedOperatorId === null && (chat.aiState === null || chat.aiState === 'AI');
}
