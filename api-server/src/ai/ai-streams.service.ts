import { randomUUID } from 'node:crypto';
import type { AiHandoffReason, MessageDto } from '@chatiq/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';

/** One AI answer being streamed into a chat on this node. */
export type LiveStream = {
  readonly id: string;
  readonly chatId: string;
  readonly visitorId: string;
  /** Aborted on takeover: closes the HTTP stream to the provider at once. */
  readonly controller: AbortController;
  /** The next delta's index (from 0). */
  index: number;
  /** `ai:done` or `ai:aborted` was sent: nothing more goes out for this stream. */
  ended: boolean;
};

type AbortNotice = { chatId: string; reason: AiHandoffReason; origin: string };

/**
 * The AI answers streaming on this API node (at most one per chat) and everything they send:
 * `ai:typing`, `ai:delta`, `ai:done`, `ai:aborted`, to the visitor's tabs and to the operators who
 * opened the chat. An abort (an operator takes over) stops the local stream before the next delta
 * and, with REDIS_URL, reaches the node that runs the stream through a Redis channel. The database
 * guard on storing the answer (see ai-message-store.ts) holds even when that notice is lost.
 */
@Injectable()
export class AiStreamsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AiStreamsService.name);
  private readonly live = new Map<string, LiveStream>();
  private readonly nodeId = randomUUID();
  private readonly channel: string;
  private redis: { pub: Redis; sub: Redis } | null = null;

  constructor(
    private readonly fanout: RealtimeFanoutService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redisChannelPrefix}:ai-abort`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      try {
        const notice = JSON.parse(text) as AbortNotice;
        if (notice.origin !== this.nodeId) this.stopHere(notice.chatId, notice.reason);
      } catch (error) {
        this.logger.warn({ error: String(error) }, 'malformed AI abort notice');
      }
    });
    await sub.subscribe(this.channel);
    this.redis = { pub, sub };
  }

  async onModuleDestroy(): Promise<void> {
    this.stopAll();
    if (this.redis) {
      const { pub, sub } = this.redis;
      this.redis = null;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    }
  }

  /** Starts a stream in a chat and shows the AI typing. */
  open(chatId: string, visitorId: string): LiveStream {
    const stream: LiveStream = { id: randomUUID(), chatId, visitorId, controller: new AbortController(), index: 0, ended: false };
    this.live.set(chatId, stream);
    this.fanout.toVisitor(visitorId, 'ai:typing', { chatId });
    this.fanout.toChatOperators(chatId, 'ai:typing', { chatId });
    return stream;
  }

  /** Sends a piece of the answer; false once the stream was stopped (send nothing more). */
  delta(stream: LiveStream, delta: string): boolean {
    if (stream.ended || stream.controller.signal.aborted) return false;
    const payload = { chatId: stream.chatId, streamId: stream.id, delta, index: stream.index++ };
    this.fanout.toVisitor(stream.visitorId, 'ai:delta', payload);
    this.fanout.toChatOperators(stream.chatId, 'ai:delta', payload);
    return true;
  }

  /** The answer is stored: clients replace the streamed text with it. */
  done(stream: LiveStream, message: MessageDto): void {
    if (stream.ended) return;
    stream.ended = true;
    const payload = { chatId: stream.chatId, streamId: stream.id, message };
    this.fanout.toVisitor(stream.visitorId, 'ai:done', payload);
    this.fanout.toChatOperators(stream.chatId, 'ai:done', payload);
  }

  /** The stream ends without an answer: clients discard its partial text. */
  aborted(stream: LiveStream, reason: AiHandoffReason): void {
    if (stream.ended) return;
    stream.ended = true;
    stream.controller.abort();
    const payload = { chatId: stream.chatId, streamId: stream.id, reason };
    this.fanout.toVisitor(stream.visitorId, 'ai:aborted', payload);
    this.fanout.toChatOperators(stream.chatId, 'ai:aborted', payload);
  }

  /** Forgets a finished stream. */
  close(stream: LiveStream): void {
    if (this.live.get(stream.chatId) === stream) this.live.delete(stream.chatId);
  }

  /** Shutting down: every stream of this node stops (nothing is sent or stored for them). */
  stopAll(): void {
    for (const stream of this.live.values()) {
      stream.ended = true;
      stream.controller.abort();
    }
  }

  /** Stops the chat's stream if it runs on this node (synchronously: no delta goes out after this). */
  stopHere(chatId: string, reason: AiHandoffReason): void {
    const stream = this.live.get(chatId);
    if (stream) this.aborted(stream, reason);
  }

  /** Stops the chat's stream wherever it runs: here at once, on other nodes through Redis. */
  stopEverywhere(chatId: string, reason: AiHandoffReason): void {
    this.stopHere(chatId, reason);
    if (this.redis) {
      const notice: AbortNotice = { chatId, reason, origin: this.nodeId };
      this.redis.pub.publish(this.channel, JSON.stringify(notice)).catch((error: unknown) => {
        this.logger.error({ chatId, error: String(error) }, 'could not publish an AI abort');
      });
    }
  }
}
