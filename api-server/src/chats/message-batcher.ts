/** One message waiting to be stored, keyed by its chat. */
export type BatchJob<R> = { chatId: string; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Group commit. Messages are stored by as few statements as the database's speed allows: a
 * message goes at once (after the current synchronous work) when fewer than `maxInFlight`
 * statements are running, else it waits for one to finish and goes with the others that waited
 * (up to `maxBatch`). Idle, each message is its own statement (no added wait); under load, the
 * statements grow instead of queueing up one per message.
 *
 * Per chat, messages keep their order and never run concurrently: a batch holds at most one
 * message of a chat, and a chat with a message in flight waits for it. So batches in flight touch
 * disjoint chats, and never wait for each other's row locks.
 */
export class MessageBatcher<J extends BatchJob<never>> {
  private queue: J[] = [];
  private readonly busyChats = new Set<string>();
  private inFlight = 0;
  private scheduled = false;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly run: (batch: J[]) => Promise<void>,
    private readonly options: { maxInFlight: number; maxBatch: number },
  ) {}

  submit(job: J): void {
    this.queue.push(job);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Resolves when nothing is queued or running (shutdown). */
  drained(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch: J[] = [];
      const rest: J[] = [];
      const chats = new Set<string>();
      for (const job of this.queue) {
        if (batch.length < this.options.maxBatch && !this.busyChats.has(job.chatId) && !chats.has(job.chatId)) {
          batch.push(job);
          chats.add(job.chatId);
        } else {
          rest.push(job);
        }
      }
      if (batch.length === 0) break; // every waiting message's chat is busy: its statement's end pumps again
      this.queue = rest;
      this.inFlight++;
      for (const chatId of chats) this.busyChats.add(chatId);
      this.run(batch)
        .catch((error: unknown) => {
          for (const job of batch) job.reject(error);
        })
        .finally(() => {
          this.inFlight--;
          for (const chatId of chats) this.busyChats.delete(chatId);
          this.pump();
          if (this.inFlight === 0 && this.queue.length === 0) {
            for (const resolve of this.idle) resolve();
            this.idle.clear();
          }
        });
    }
  }
}
