import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { SnoozeWakeService } from '../chats/snooze-wake.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { AiAutoResolveService } from './ai-auto-resolve.service.js';
import { BusinessHoursService } from './business-hours.service.js';
import { Clock } from './clock.js';
import { FollowUpsService } from './follow-ups.service.js';
import { NoReplyWatcherService } from './no-reply-watcher.service.js';

/**
 * The automation clock of each API node: every `AUTOMATION_TICK_MS` it announces business-hours
 * boundaries, fires due NO_REPLY rules, marks and mails follow-ups, resolves quiet chats the AI
 * answered alone, and wakes snoozed chats whose time came. Every node runs it; each
 * step claims its work with a conditional write, so several nodes do each thing once. A tick that
 * is still running when the next is due is not overlapped.
 */
@Injectable()
export class AutomationSchedulerService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(AutomationSchedulerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** Ticks started so far (timer or direct `tick()` calls); each tick's number is this count when it started. */
  private started = 0;
  /** Callers of `afterFullTick`, each with the number of ticks that had started when it asked. */
  private waiters: { after: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly hours: BusinessHoursService,
    private readonly noReply: NoReplyWatcherService,
    private readonly followUps: FollowUpsService,
    private readonly autoResolve: AiAutoResolveService,
    private readonly snoozes: SnoozeWakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running && !this.stopped) this.running = this.tick().finally(() => (this.running = undefined));
    }, this.config.automation.tickMs);
    this.timer.unref();
  }

  /** One pass of every step at the clock's "now"; a failing step is logged and does not stop the others. */
  async tick(): Promise<void> {
    const number = ++this.started;
    try {
      await this.runSteps();
    } finally {
      if (!this.stopped) this.wake(number);
    }
  }

  private async runSteps(): Promise<void> {
    const now = this.clock.now();
    const steps: [string, () => Promise<unknown>][] = [
      ['business hours', () => this.hours.announceDue(now)],
      ['no-reply rules', () => this.noReply.fireDue(now)],
      ['follow-up marking', () => this.followUps.markUnanswered(now)],
      ['follow-up mails', () => this.followUps.notifyDue(now)],
      ['AI chats auto-resolve', () => this.autoResolve.resolveDue(now)],
      ['snoozed chats wake-up', () => this.snoozes.wakeDue(now)],
    ];
    for (const [name, step] of steps) {
      if (this.stopped) return;
      try {
        await step();
      } catch (error) {
        if (!this.stopped) this.logger.error({ err: error }, `automation step failed: ${name}`);
      }
    }
  }

  /** Resolves once the tick in progress, if any, has finished (every later tick reads the clock anew). */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  /**
   * Resolves once a whole tick that started after this call has finished: every step has run at a
   * "now" read after the call (a tick already running when it is called does not count). Rejects
   * if the scheduler stops first. With the timer, that is at most two `AUTOMATION_TICK_MS` plus the
   * tick's own time; a direct `tick()` call also counts.
   */
  afterFullTick(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the automation scheduler has stopped'));
    return new Promise((resolve, reject) => this.waiters.push({ after: this.started, resolve, reject }));
  }

  private wake(finished: number): void {
    const [due, rest] = [this.waiters.filter((w) => w.after < finished), this.waiters.filter((w) => w.after >= finished)];
    this.waiters = rest;
    for (const waiter of due) waiter.resolve();
  }

  private stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('the automation scheduler has stopped'));
  }

  /** Stops before the database goes away: no new tick, and the running one finishes first. */
  async onModuleDestroy(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}
