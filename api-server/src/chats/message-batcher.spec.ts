import { describe, expect, it } from 'vitest';
import { type BatchJob, MessageBatcher } from './message-batcher.js';

type Job = BatchJob<string> & { id: string };

/** A batcher whose statements finish when the test says so. */
function harness(options: { maxInFlight: number; maxBatch: number }) {
  const batches: { jobs: Job[]; finish: () => void }[] = [];
  const batcher = new MessageBatcher<Job>(
    (jobs) =>
      new Promise<void>((resolve) => {
        batches.push({
          jobs,
          finish: () => {
            for (const job of jobs) job.resolve(job.id);
            resolve();
          },
        });
      }),
    options,
  );
  const results: string[] = [];
  const submit = (chatId: string, id: string) =>
    new Promise<string>((resolve, reject) => batcher.submit({ chatId, id, resolve, reject })).then((r) => {
      results.push(r);
      return r;
    });
  return { batcher, batches, submit, results };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('MessageBatcher', () => {
  it('sends what is submitted together in one statement, one message per chat, in order', async () => {
    const { batches, submit } = harness({ maxInFlight: 2, maxBatch: 100 });
    const done = [submit('a', 'a1'), submit('b', 'b1'), submit('a', 'a2'), submit('c', 'c1')];
    await turn();
    // a2 waits for a1: its chat is busy.
    expect(batches.map((b) => b.jobs.map((j) => j.id))).toEqual([['a1', 'b1', 'c1']]);
    batches[0]!.finish();
    await turn();
    expect(batches.map((b) => b.jobs.map((j) => j.id))).toEqual([['a1', 'b1', 'c1'], ['a2']]);
    batches[1]!.finish();
    expect(await Promise.all(done)).toEqual(['a1', 'b1', 'a2', 'c1']);
  });

  it('runs at most maxInFlight statements; the rest wait and go together', async () => {
    const { batches, submit } = harness({ maxInFlight: 1, maxBatch: 100 });
    const first = submit('a', 'a1');
    await turn();
    const later = ['b', 'c', 'd'].map((chat) => submit(chat, `${chat}1`));
    await turn();
    expect(batches).toHaveLength(1);
    batches[0]!.finish();
    await first;
    await turn();
    expect(batches[1]!.jobs.map((j) => j.id)).toEqual(['b1', 'c1', 'd1']);
    batches[1]!.finish();
    await Promise.all(later);
  });

  it('caps a batch at maxBatch and rejects a failed batch’s messages', async () => {
    const failing = new MessageBatcher<Job>(
      async (jobs) => {
        if (jobs.length > 2) throw new Error('too many');
        for (const job of jobs) job.resolve(job.id);
      },
      { maxInFlight: 4, maxBatch: 2 },
    );
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const outcomes = await Promise.allSettled(
      ids.map((id) => new Promise<string>((resolve, reject) => failing.submit({ chatId: id, id, resolve, reject }))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);

    const broken = new MessageBatcher<Job>(
      async () => {
        throw new Error('database down');
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const refused = new Promise<string>((resolve, reject) => broken.submit({ chatId: 'a', id: 'a', resolve, reject }));
    await expect(refused).rejects.toThrow('database down');
    await broken.drained();
  });

  it('drained() waits for queued and running statements', async () => {
    const { batcher, batches, submit } = harness({ maxInFlight: 1, maxBatch: 100 });
    void submit('a', 'a1');
    void submit('a', 'a2');
    let drained = false;
    const waiting = batcher.drained().then(() => {
      drained = true;
    });
    await turn();
    batches[0]!.finish();
    await turn();
    expect(drained).toBe(false);
    batches[1]!.finish();
    await waiting;
    expect(drained).toBe(true);
  });
});
