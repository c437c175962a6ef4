import type { AuthResponse, ChatSummaryDto, CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, newClientId, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

/** The wall clock "YYYY-MM-DD HH:MM" at a fixed offset from UTC (the zones used here have no DST). */
const wallClock = (iso: string, offsetMinutes: number) =>
  new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
/** "7 December 2026" for the same wall clock. */
const wallDay = (iso: string, offsetMinutes: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(Date.parse(iso) + offsetMinutes * 60_000));

describe('chat history and transcripts over REST', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let token: string;
  let site: CreatedSiteDto;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    owner = await registerOwner(t.url);
    token = owner.accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Flowers' } })).body;
    const visitor = await connectWidget(t.url, site.publicId);
    await visitor.emitWithAck('visitor:join', {});
    await visitor.emitWithAck('visitor:identify', { name: 'Iryna' });
    for (let i = 1; i <= 12; i++) {
      const ack = await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: `message ${i}` });
      if (ack.ok) chatId = ack.data.message.chatId;
    }
    const operator = await connectAdmin(t.url, token);
    await operator.emitWithAck('admin:join', { chatId });
    await operator.emitWithAck('admin:note', { chatId, clientId: newClientId(), text: 'regular customer' });
    await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'Hello Iryna!\nHow can I help?' });
    visitor.close();
    operator.close();
  });
  afterAll(() => t.close());

  const transcript = async (query = '') => {
    const response = await fetch(`${t.url}/chats/${chatId}/transcript${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return { response, text: await response.text() };
  };
  const stored = async () =>
    (await api<{ chat: ChatSummaryDto; messages: MessageDto[] }>(t.url, 'GET', `/chats/${chatId}/transcript?format=json`, { token })).body;

  it('pages backwards through history with a sequence cursor', async () => {
    const last = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=15&limit=5`, { token });
    expect(last.body.map((m) => m.seq)).toEqual([10, 11, 12, 13, 14]);
    const earlier = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=10&limit=5`, { token });
    expect(earlier.body.map((m) => m.seq)).toEqual([5, 6, 7, 8, 9]);
    const first = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=3&limit=5`, { token });
    expect(first.body.map((m) => m.seq)).toEqual([1, 2]);
    expect((await api(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=0`, { token })).status).toBe(400);
  });

  it("exports the transcript as a text download: titled, times in the reader's zone, operators by name, no private notes", async () => {
    const { chat, messages } = await stored();
    // Kathmandu: UTC+5:45 all year.
    const { response, text } = await transcript('?timeZone=Asia/Kathmandu');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="chat-${chatId}.txt"`);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Flowers — Iryna — ${wallDay(chat.createdAt, 345)}`);
    expect(lines[1]).toBe('Visitor: Iryna');
    expect(lines[2]).toBe(`Started: ${wallClock(chat.createdAt, 345)}   Status: ${chat.status}`);
    expect(lines[3]).toBe('Times in Asia/Kathmandu');
    const first = messages.find((m) => m.text === 'message 1')!;
    expect(text).toContain(`[${wallClock(first.createdAt, 345)}] Iryna:\n  message 1\n`);
    // The operator by their display name, never their email or id.
    const reply = messages.find((m) => m.authorKind === 'OPERATOR')!;
    expect(text).toContain(`[${wallClock(reply.createdAt, 345)}] ${owner.user.name}:\n  Hello Iryna!\n  How can I help?\n`);
    expect(text).not.toContain(owner.user.email);
    expect(text).not.toContain(owner.user.id);
    // No private note, nor its marker.
    expect(text).not.toContain('regular customer');
    expect(text).not.toContain('private note');
    expect(lines.filter((line) => line.startsWith('['))).toHaveLength(13);
  });

  it("reads the times in the site's business-hours zone when the reader gives none (or no zone), else in UTC", async () => {
    const { chat, messages } = await stored();
    const first = messages.find((m) => m.text === 'message 1')!;
    for (const query of ['', '?timeZone=Mars/Olympus_Mons']) {
      const { text } = await transcript(query);
      expect(text).toContain('Times in UTC\n');
      expect(text).toContain(`[${wallClock(first.createdAt, 0)}] Iryna:`);
    }
    // Chatham: UTC+12:45 (+13:45 in its summer, September to April: the test reads the zone's offset itself).
    const { organizationId } = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    await t.prisma.businessHours.create({
      data: { organizationId, siteId: site.id, timezone: 'Pacific/Chatham', weekly: [], exceptions: [] },
    });
    const offset = chathamOffsetMinutes(new Date(first.createdAt));
    const { text } = await transcript();
    expect(text).toContain('Times in Pacific/Chatham\n');
    expect(text.split('\n')[0]).toBe(`Flowers — Iryna — ${wallDay(chat.createdAt, chathamOffsetMinutes(new Date(chat.createdAt)))}`);
    expect(text).toContain(`[${wallClock(first.createdAt, offset)}] Iryna:`);
  });

  it('exports JSON too, without the private notes, and hides chats from other organizations', async () => {
    const { messages } = await stored();
    expect(messages).toHaveLength(13);
    expect(messages.some((m) => m.internal || m.text === 'regular customer')).toBe(false);
    const stranger = await registerOwner(t.url);
    const refused = await api<{ code: string }>(t.url, 'GET', `/chats/${chatId}/transcript`, { token: stranger.accessToken });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('chat_not_found');
  });
});

/** Pacific/Chatham's offset from UTC at `at`, in minutes, from the runtime's zone data ("GMT+13:45"). */
function chathamOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Pacific/Chatham', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')!.value;
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name)!;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
