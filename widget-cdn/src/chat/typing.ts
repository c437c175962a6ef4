/** At most one `visitor:typing {typing:true}` per this many ms while the visitor keeps typing. */
export const TYPING_THROTTLE_MS = 2_000;
/** No keystroke for this long: the visitor stopped typing. */
export const TYPING_IDLE_MS = 4_000;
/** The operator's "is typing…" disappears after this long without news. */
export const REMOTE_TYPING_TIMEOUT_MS = 6_000;

/**
 * The visitor's side of typing: `input()` on every keystroke sends `true` at most once per
 * throttle window, and `false` once the visitor sends the message (`stop()`) or is idle.
 */
export class TypingSender {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private typing = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  input(): void {
    const now = this.now();
    if (!this.typing || now - this.lastSentAt >= TYPING_THROTTLE_MS) {
      this.typing = true;
      this.lastSentAt = now;
      this.emit(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.typing) return;
    this.typing = false;
    this.lastSentAt = Number.NEGATIVE_INFINITY;
    this.emit(false);
  }
}

/**
 * The operator's side: who is typing now, or null. Shown on `admin:typing {typing:true}`,
 * hidden on `{typing:false}`, on the operator's next message, or after a timeout.
 */
export class RemoteTyping {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: string | null = null;

  constructor(private readonly onChange: (name: string | null) => void) {}

  update(typing: boolean, name: string): void {
    clearTimeout(this.timer);
    if (!typing) {
      this.set(null);
      return;
    }
    this.set(name);
    this.timer = setTimeout(() => this.set(null), REMOTE_TYPING_TIMEOUT_MS);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.set(null);
  }

  private set(name: string | null): void {
    if (name === this.current) return;
    this.current = name;
    this.onChange(name);
  }
}
