import type { INestApplication } from '@nestjs/common';
import { AutomationSchedulerService } from '../../src/automation/automation-scheduler.service.js';
import { Clock } from '../../src/automation/clock.js';

export type ControlledClock = {
  now(): Date;
  /** Moves the time; resolves once no scheduler tick that read the old time is still running. */
  set(at: Date | string): Promise<void>;
  advance(ms: number): Promise<void>;
};

/**
 * Takes over the automation clock (`Clock`) of running API nodes: they all read the time set
 * here, which moves only when the test says so. The schedulers keep ticking in real time
 * (`AUTOMATION_TICK_MS`); each tick sees the controlled "now". Setting waits for a tick in flight,
 * so a tick that read the previous time (perhaps a later one: tests jump back and forth) cannot
 * act on data the test creates afterwards.
 */
export function controlClock(apps: INestApplication[], start: Date | string = new Date()): ControlledClock {
  let current = new Date(start).getTime();
  for (const app of apps) app.get(Clock).now = () => new Date(current);
  const settle = () => Promise.all(apps.map((app) => app.get(AutomationSchedulerService).whenIdle())).then(() => undefined);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
      return settle();
    },
    advance: (ms) => {
      current += ms;
      return settle();
    },
  };
}
