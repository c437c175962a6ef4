// Fuzzing every client → server event with ≥ 10,000 malformed payloads (wrong types, missing
// fields, over-long strings, prototype-pollution keys, binary, junk): each gets a typed error,
// the sockets and the server stay up, and the stored data does not change.

import { createHash } from 'node:crypto';
import { adminClientEventSchemas, type CreatedSiteDto, widgetClientEventSchemas } from '@chatiq/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AdminSocket, api, connectAdmin, connectWidget, newClientId, registerOwner, type WidgetSocket } from './support/clients.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; maxLength?: number };

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20261121);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const junkValues: (() => unknown)[] = [
  () => null,
  () => true,
  () => -1,
  () => 1e308,
  () => 2.5,
  () => '',
  () => ' ',
  () => '\u0000\uffff\ud800',
  () => 'x'.repeat(1 + Math.floor(rand() * 30_000)),
  () => [],
  () => [1, 'two', { three: 3 }],
  () => ({}),
  () => ({ nested: { deeper: { deepest: [null] } } }),
  () => Buffer.from([0, 1, 2, 255]),
  () => new Uint8Array(64),
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  () => ({ constructor: { prototype: { polluted: 'yes' } } }),
  () => '<script>alert(1)</script>',
  () => '\'; DROP TABLE "Message"; --',
  () => ({ $gt: '' }),
];

/** A value of the wrong JSON type for a property of `type`. */
function wrongType(type: string | string[] | undefined): unknown {
  const types = Array.isArray(type) ? type : [type];
  for (let i = 0; i < 20; i++) {
    const value = pick(junkValues)();
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
    const matches = types.includes(actual) || (actual === 'number' && types.includes('integer'));
    if (!matches) return value;
  }
  return { wrong: true };
}

/** A payload built to break `schema`: several strategies, each usually invalid. */
function malformed(json: JsonSchema): unknown {
  const props = json.properties ?? {};
  const names = Object.keys(props);
  const base: Record<string, unknown> = {};
  switch (Math.floor(rand() * 6)) {
    case 0: // not an object at all
      return pick(junkValues)();
    case 1: // every property of the wrong type
      for (const name of names) base[name] = wrongType(props[name]!.type);
      return base;
    case 2: // one property wrong, the others missing
      if (names.length > 0) {
        const name = pick(names);
        base[name] = wrongType(props[name]!.type);
      }
      return base;
    case 3: // strings one past their limit
      for (const name of names) {
        const p = props[name]!;
        base[name] = p.maxLength !== undefined ? 'y'.repeat(p.maxLength + 1) : wrongType(p.type);
      }
      return base;
    case 4: // prototype pollution around wrong values
      return Object.assign(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'), {
        [pick(names.length > 0 ? names : ['x'])]: wrongType('string'),
      });
    default: // required properties missing, junk keys instead
      return { [`junk${Math.floor(rand() * 1000)}`]: pick(junkValues)() };
  }
}

async function snapshot(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = createHash('sha256');
  for (const table of ['Organization', 'User', 'Site', 'Visitor', 'Chat', 'Message']) {
    const rows = await client.query(`SELECT * FROM "${table}" ORDER BY id`);
    hash.update(JSON.stringify(rows.rows));
  }
  await client.end();
  return hash.digest('hex');
}

describe('fuzzing every socket event', () => {
  let t: TestApp;
  let visitor: WidgetSocket;
  let operator: AdminSocket;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '100000', SOCKET_MAX_STRIKES: '1000000' });
    const owner = await registerOwner(t.url);
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;
    visitor = await connectWidget(t.url, site.publicId);
    await visitor.emitWithAck('visitor:join', {});
    const sent = await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'before the storm' });
    if (!sent.ok) throw new Error('setup failed');
    chatId = sent.data.message.chatId;
    operator = await connectAdmin(t.url, owner.accessToken);
    await operator.emitWithAck('admin:join', { chatId });
  });
  afterAll(async () => {
    visitor?.close();
    operator?.close();
    await t?.close();
  });

  it('answers ≥ 10,000 malformed payloads with typed errors and changes nothing', { timeout: 120_000 }, async () => {
    const before = await snapshot(t.databaseUrl);
    const targets = [
      ...Object.entries(widgetClientEventSchemas).map(([event, schema]) => ({ socket: visitor as unknown as AdminSocket, event, schema })),
      ...Object.entries(adminClientEventSchemas).map(([event, schema]) => ({ socket: operator, event, schema })),
    ];
    const jsonSchemas = new Map(
      targets.map((t) => [t.event, z.toJSONSchema(t.schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema]),
    );

    let sent = 0;
    const codes = new Map<string, number>();
    while (sent < 10_000) {
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < 200; i++) {
        const target = pick(targets);
        const payload = malformed(jsonSchemas.get(target.event)!);
        if ((target.schema as z.ZodType).safeParse(payload).success) continue; // accidentally valid: not a probe
        batch.push(
          (target.socket as unknown as { timeout: (ms: number) => { emitWithAck: (e: string, p: unknown) => Promise<unknown> } })
            .timeout(10_000)
            .emitWithAck(target.event, payload),
        );
      }
      for (const ack of (await Promise.all(batch)) as { ok: boolean; code?: string }[]) {
        expect(ack.ok).toBe(false);
        codes.set(ack.code ?? 'none', (codes.get(ack.code ?? 'none') ?? 0) + 1);
      }
      sent += batch.length;
    }
    // Unknown events, too.
    for (let i = 0; i < 100; i++) {
      const ack = (await (visitor as unknown as { emitWithAck: (e: string, p: unknown) => Promise<{ code: string }> }).emitWithAck(
        `junk:${i}`,
        pick(junkValues)(),
      )) as { ok: boolean; code: string };
      expect(ack).toMatchObject({ ok: false, code: 'validation_failed' });
      sent++;
    }

    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect([...codes.keys()]).toEqual(['validation_failed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(visitor.connected && operator.connected).toBe(true);
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
    expect(await snapshot(t.databaseUrl)).toBe(before);

    // And both sockets still work.
    expect((await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'after the storm' })).ok).toBe(true);
    expect((await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'all good' })).ok).toBe(true);
  });
});
