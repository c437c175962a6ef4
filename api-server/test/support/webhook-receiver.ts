import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '@chatiq/contracts';

export type ReceivedWebhook = {
  event: WebhookEvent;
  headers: IncomingHttpHeaders;
  /** The secrets (of those the receiver knows) whose signature the request carried. */
  signedWith: string[];
  receivedAt: number;
  /** The answer it got: a status, or `hang` (no answer at all). */
  answer: number | 'hang';
};

/** Signature check as docs/webhooks.md tells receivers to do it (tolerance 5 minutes). */
export function verifySignature(header: string | undefined, body: string, secret: string, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const given = Buffer.from(v, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/**
 * A webhook receiver on loopback, as an integration would run one: it checks each request's
 * signature against the secrets it was given, keeps what arrived, and answers what `answer` says
 * (a status, or `hang`: never answers, until the server closes).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const state = {
    secrets: [] as string[],
    answer: (_event: WebhookEvent, _n: number): number | 'hang' => 200,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(body) as WebhookEvent;
      const header = req.headers['chatiq-signature'] as string | undefined;
      const answer = state.answer(event, received.filter((r) => r.event.id === event.id).length);
      received.push({
        event,
        headers: req.headers,
        signedWith: state.secrets.filter((s) => verifySignature(header, body, s)),
        receivedAt: Date.now(),
        answer,
      });
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    state,
    /** What arrived of type `type` (each attempt). */
    of: (type: string) => received.filter((r) => r.event.type === type),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
