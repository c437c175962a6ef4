// Reliable delivery under stress: ≥ 2,000 messages while clients are forcibly disconnected at
// random, and while the API process is killed with SIGKILL and restarted. Counted: every message
// acknowledged, stored exactly once, sequence numbers gap-free, and every client ends up with
// every message of its chats (live or by resume).

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import { freePort } from '@chatiq/dev-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { api, registerOwner } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { apiRoot } from './support/migrate.js';
import { ReliableOperator, ReliableVisitor } from './support/reliable-clients.js';
import { freshDatabase, startTestApp, TEST_JWT_SECRET } from './support/test-app.js';

const VISITORS = 20;
const MESSAGES_PER_VISITOR = 80; // 1,600 from visitors
const REPLIES_PER_CHAT = 20; // 400 from the operator: 2,000 in all

const LIMITS = { SOCKET_EVENTS_PER_SECOND: '100000', SOCKET_MAX_STRIKES: '1000000' };

type Outcome = { sent: MessageDto[]; visitors: ReliableVisitor[]; operator: ReliableOperator };

type Client = ReliableVisitor | ReliableOperator;

/** Visitors write, the operator answers each chat, all at once; `chaos` runs meanwhile (with the count acknowledged so far). */
async function converse(
  url: string,
  siteId: string,
  token: string,
  chaos: (clients: Client[], acknowledged: number) => Promise<void> | void,
): Promise<Outcome> {
  const visitors = await Promise.all(Array.from({ length: VISITORS }, () => new ReliableVisitor(url, siteId).ready()));
  const operator = await new ReliableOperator(url, token).ready();
  const clients: Client[] = [...visitors, operator];
  const sent: MessageDto[] = [];
  let done = false;
  const chaosLoop = (async () => {
    while (!done) {
      await chaos(clients, sent.length);
      await new Promise((r) => setTimeout(r, 80));
    }
  })();

  await Promise.all(
    visitors.map(async (visitor, v) => {
      const first = await visitor.send(`v${v} m0`);
      sent.push(first);
      await operator.open(first.chatId);
      await Promise.all([
        (async () => {
          for (let i = 1; i < MESSAGES_PER_VISITOR; i++) sent.push(await visitor.send(`v${v} m${i}`));
        })(),
        (async () => {
          for (let i = 0; i < REPLIES_PER_CHAT; i++) sent.push(await operator.reply(first.chatId, `reply ${i} to v${v}`));
        })(),
      ]);
    }),
  );
  done = true;
  await chaosLoop;
  return { sent, visitors, operator };
}

async function verify(databaseUrl: string, { sent, visitors, operator }: Outcome): Promise<void> {
  const total = VISITORS * (MESSAGES_PER_VISITOR + REPLIES_PER_CHAT);
  expect(sent).toHaveLength(total); // every send was acknowledged
  expect(new Set(sent.map((m) => m.id)).size).toBe(total);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = (await client.query('SELECT id, "chatId", seq, "clientId", text FROM "Message" ORDER BY "chatId", seq')).rows as {
    id: string;
    chatId: string;
    seq: number;
    text: string;
  }[];
  await client.end();
  expect(rows).toHaveLength(total); // 0 lost, 0 duplicated
  expect(new Set(rows.map((r) => r.text)).size).toBe(total);
  const byChat = new Map<string, number[]>();
  for (const r of rows) byChat.set(r.chatId, [...(byChat.get(r.chatId) ?? []), r.seq]);
  expect(byChat.size).toBe(VISITORS);
  for (const seqs of byChat.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // gap-free

  // Every client has every message of its chats once it is connected again.
  // Wait for that state (a resume's history or a live message may still be on its way), not for a
  // fixed time; then nothing is missing and nothing else is there.
  await Promise.all([...visitors.map((v) => v.ready()), operator.ready()]);
  const hasAll = (seen: Map<string, unknown>, ids: string[]) => ids.every((id) => seen.has(id));
  await eventually(
    'every client to have every message of its chats',
    () =>
      visitors.every((v) =>
        hasAll(
          v.seen,
          rows.filter((r) => r.chatId === v.chatId).map((r) => r.id),
        ),
      ) &&
      hasAll(
        operator.seen,
        rows.map((r) => r.id),
      ),
    15_000,
  );
  for (const visitor of visitors) {
    const expected = rows.filter((r) => r.chatId === visitor.chatId).map((r) => r.id);
    expect([...visitor.seen.keys()].sort()).toEqual(expected.sort());
  }
  expect([...operator.seen.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
}

describe('reliable delivery', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('loses and duplicates nothing while clients are disconnected at random', { timeout: 120_000 }, async () => {
    const t = await startTestApp(LIMITS);
    cleanups.push(() => t.close());
    const owner = await registerOwner(t.url);
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;

    let drops = 0;
    const outcome = await converse(t.url, site.publicId, owner.accessToken, (clients) => {
      clients[Math.floor(Math.random() * clients.length)]!.dropConnection();
      drops++;
    });
    cleanups.push(() => {
      for (const c of [...outcome.visitors, outcome.operator]) c.close();
    });
    expect(drops).toBeGreaterThan(0);
    await verify(t.databaseUrl, outcome);
  });
});

describe('reliable delivery across an API crash', () => {
  const main = path.join(apiRoot, 'dist', 'src', 'main.js');
  let child: ChildProcess | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    child?.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('loses and duplicates nothing while the API is killed with SIGKILL and restarted', { timeout: 180_000 }, async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
    const db = await freshDatabase();
    cleanups.push(() => db.drop());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      ...LIMITS,
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      BCRYPT_ROUNDS: '4',
    };
    const start = async () => {
      child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`${url}/health`)).ok) return;
        } catch {
          // starting
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('API did not come back');
    };
    await start();

    const owner = await registerOwner(url);
    const site = (await api<CreatedSiteDto>(url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;
    // Killed at fixed points of the conversation (not on a timer: a fast API could finish first).
    const killAt = [200, 800, 1400];
    let kills = 0;
    const outcome = await converse(url, site.publicId, owner.accessToken, async (_clients, acknowledged) => {
      if (kills >= killAt.length || acknowledged < killAt[kills]!) return;
      kills++;
      child?.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));
      await start();
    });
    cleanups.push(() => {
      for (const c of [...outcome.visitors, outcome.operator]) c.close();
    });
    expect(kills).toBeGreaterThan(0);
    await verify(db.url, outcome);
  });
});
