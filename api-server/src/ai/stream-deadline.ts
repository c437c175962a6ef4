import { AiError, toAiError } from './ai-errors.js';

/**
 * Watches one streamed request for silence.
 *
 * The SDK's `timeout` only covers the wait for response headers; once a stream has started, a
 * server that stops sending would hold the chat (and the visitor) until Node's 5-minute body
 * timeout. So this aborts the request when no event arrives for `idleMs`, with a `TimeoutError`
 * reason, and tells that apart from the caller's own abort (an operator taking over).
 */
export class StreamDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private expired = false;
  /** Pass this to the SDK: it fires on the caller's abort or on expiry. */
  readonly signal: AbortSignal;

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly idleMs: number,
  ) {
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.controller.signal]) : this.controller.signal;
  }

  /** (Re)starts the countdown: when the request starts, and on every event from the server. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(new DOMException(`No data from the AI server for ${this.idleMs} ms`, 'TimeoutError'));
    }, this.idleMs);
  }

  /** Stops the countdown while our consumer handles an event: its slowness is not the server's. */
  pause(): void {
    clearTimeout(this.timer);
  }

  get callerAborted(): boolean {
    return this.callerSignal?.aborted ?? false;
  }

  /** What a failure really was: expiry and the caller's abort win over what the SDK threw after them. */
  toError(error: unknown, secrets: readonly string[]): AiError {
    if (this.expired) {
      return new AiError('timeout', `The AI server sent nothing for ${this.idleMs} ms`, { cause: error });
    }
    if (this.callerAborted) {
      return new AiError('aborted', 'The answer was stopped', { cause: error });
    }
    return toAiError(error, { secrets });
  }

  /** Ends the watch and cancels whatever is still in flight (a no-op after a complete response). */
  dispose(): void {
    clearTimeout(this.timer);
    if (!this.controller.signal.aborted) {
      this.controller.abort();
    }
  }
}
