// Helpers for AI assistant tests: a keyring, a site with the AI on against the fake OpenAI, and a
// recorder of socket events in arrival order.

import { randomBytes } from 'node:crypto';
import type { AiSettingsBody, AiSettingsDto, AuthResponse, CreatedSiteDto } from '@chatiq/contracts';
import type { Socket } from 'socket.io-client';
import { api, registerOwner } from './clients.js';
import type { FakeOpenAi } from './fake-openai-server.js';

/** A keyring string for AI_SECRET_KEYS with one fresh key. */
export function testKeyring(kid = 'k1'): string {
  return `${kid}:${randomBytes(32).toString('base64')}`;
}

/** A provider key that looks like OpenAI's and is unique per call (easy to scan logs for). */
export function testApiKey(): string {
  return `sk-test-${randomBytes(18).toString('hex')}`;
}

export type AiSite = { owner: AuthResponse; token: string; site: CreatedSiteDto; settings: AiSettingsDto };

/** Registers an owner with a site whose AI is on, answering through `fake` with `apiKey`. */
export async function aiSite(base: string, fake: FakeOpenAi, apiKey: string, settings: Partial<AiSettingsBody> = {}): Promise<AiSite> {
  const owner = await registerOwner(base);
  const token = owner.accessToken;
  const site = (await api<CreatedSiteDto>(base, 'POST', '/sites', { token, body: { name: 'AI shop' } })).body;
  const saved = await putAiSettings(base, token, site.id, { apiKey, baseUrl: fake.url, ...settings });
  if (saved.status !== 200) throw new Error(`AI settings refused: ${saved.status} ${JSON.stringify(saved.body)}`);
  return { owner, token, site, settings: saved.body as AiSettingsDto };
}

export function putAiSettings(base: string, token: string, siteId: string, settings: Partial<AiSettingsBody>) {
  return api<AiSettingsDto | { code: string; message: string }>(base, 'PUT', `/sites/${siteId}/ai`, {
    token,
    body: { enabled: true, model: 'gpt-4.1-mini', ...settings },
  });
}

export type Recorded = { event: string; payload: unknown };

/** Records every event `socket` receives, in order; `waitFor` resolves once a matching one arrived. */
export function record(socket: Socket) {
  const events: Recorded[] = [];
  const waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  socket.onAny((event: string, payload: unknown) => {
    const entry = { event, payload };
    events.push(entry);
    for (const waiter of [...waiters]) {
      if (waiter.match(entry)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  return {
    events,
    of<T>(event: string): T[] {
      return events.filter((e) => e.event === event).map((e) => e.payload as T);
    },
    waitFor<T>(event: string, match: (payload: T) => boolean = () => true, ms = 5000): Promise<T> {
      const found = events.find((e) => e.event === event && match(e.payload as T));
      if (found) return Promise.resolve(found.payload as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms; got ${events.map((e) => e.event).join(', ')}`)), ms);
        waiters.push({
          match: (r) => r.event === event && match(r.payload as T),
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r.payload as T);
          },
        });
      });
    },
    clear() {
      events.length = 0;
    },
  };
}

/** Retries `check` (assertions) until it passes, or throws its last assertion error after `ms` (unlike eventually.ts, which polls for a value). */
export async function untilPasses<T>(check: () => Promise<T> | T, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
