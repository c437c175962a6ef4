// The API as a real child process (the built dist/) under hostile HTTP: the cut multipart body
// that used to end the process, then a short seeded slice of the property-based fuzzer over every
// REST operation and both upload routes (`pnpm fuzz:http` runs it for longer). Needs `pnpm -r build`.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './support/api-process.js';
import { createChatProbe } from './support/chat-probe.js';
import { parseAnswer } from './support/http-fuzz/raw-http.js';
import { FUZZ_API_ENV, runHttpFuzz } from './support/http-fuzz/run-http-fuzz.js';

/** Sends `raw` on a new connection; resolves with everything the server wrote back before closing. */
function sendBytes(url: string, raw: Buffer): Promise<Buffer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(raw));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
  });
}

describe('the API process under hostile HTTP', () => {
  let target: ApiProcess;

  beforeAll(async () => {
    target = await startApiProcess(FUZZ_API_ENV);
  }, 90_000);
  afterAll(async () => {
    await target?.stop();
  });

  it('answers a multipart body cut before its closing boundary with 400, and stays up and chatting', async () => {
    const body = '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc';
    const request = Buffer.from(
      'POST /widget/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://anywhere.example\r\n' +
        `Content-Type: multipart/form-data; boundary=xx\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      'latin1',
    );
    const answer = parseAnswer(await sendBytes(target.url, request));
    expect(answer?.status).toBe(400);
    expect(JSON.parse(answer?.body.toString() ?? '{}')).toMatchObject({ code: 'validation_failed' });

    // The process used to exit a moment after answering: a chat proves it did not.
    const probe = await createChatProbe(target.url);
    try {
      await probe.check();
      expect(target.exit()).toBeNull();
      expect((await fetch(`${target.url}/health`)).status).toBe(200);
      await probe.check();
    } finally {
      probe.close();
    }
    expect(target.exit()).toBeNull();
  });

  it('answers a seeded slice of generated requests with typed 4xx, never a 5xx or a crash', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261206);
    const { stats, failure } = await runHttpFuzz(target, { seed, runs: Number(process.env.FUZZ_RUNS ?? 5), batchSize: 40 });
    expect(failure, `seed ${seed}`).toBeNull();
    expect(stats).toMatchObject({ crashes: 0, serverErrors: 0, untyped: 0 });
    expect(stats.requests).toBeGreaterThanOrEqual(200);
    expect(target.exit()).toBeNull();
  });
});
