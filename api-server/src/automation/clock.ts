import { Injectable } from '@nestjs/common';

/**
 * "Now" for automation: business-hours boundaries, NO_REPLY waits and follow-ups are all decided
 * against this, never against `new Date()` directly, so an integration test can move time (see
 * `test/support/clock.ts`) and watch a widget's status flip at 09:00 without waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
