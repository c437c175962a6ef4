import type { INestApplication } from '@nestjs/common';
import { AutomationSchedulerService } from '../../src/automation/automation-scheduler.service.js';
import { Clock } from '../../src/automation/clock.js';

export type ControlledClock = {
  now(): Date;
  /**
   * Moves the time; resolves once every node has run a whole scheduler tick that started after the
   * move (so everything due at the new time has been done, and what was not done will not be at
   * this time). With `manualTicks`, resolves once no tick that read the old time is still running:
   * the test runs the ticks itself.
   */
  set(at: Date | string): Promise<void>;
  advance(ms: number): Promise<void>;
  /** Without moving the time: resolves once every node has run a whole tick that started after this call. */
  fullTick(): Promise<void>;
};

/**
 * Takes over the automation clock (`Clock`) of running API nodes: they all read the time set
 * here, which moves only when the test says so. The schedulers keep ticking in real time
 * (`AUTOMATION_TICK_MS`, short in tests); each tick sees the controlled "now". Moving the time waits
 * for each node's next full tick (`AutomationSchedulerService.afterFullTick`), the barrier after
 * which a test may assert that something did not happen. `manualTicks`: the nodes' timers are
 * effectively off (a long tick) and the test calls `tick()` itself; moving the time then only waits
 * for a tick in flight, so a tick that read the previous time cannot act on data created afterwards.
 */
export function controlClock(
  apps: INestApplication[],
  start: Date | string = new Date(),
  options: { manualTicks?: boolean } = {},
): ControlledClock {
  let current = new Date(start).getTime();
  for (const app of apps) app.get(Clock).now = () => new Date(current);
  const schedulers = () => apps.map((app) => app.get(AutomationSchedulerService));
  const fullTick = async () => {
    if (options.manualTicks) throw new Error('fullTick() needs the schedulers’ timers; this clock was made with manualTicks');
    await Promise.all(schedulers().map((scheduler) => scheduler.afterFullTick()));
  };
  const settle = () =>
    options.manualTicks ? Promise.all(schedulers().map((scheduler) => scheduler.whenIdle())).then(() => undefined) : fullTick();
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
    fullTick,
  };
}
