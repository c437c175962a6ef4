import type { CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, newClientId, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('chat history and transcripts over REST', () => {
  let t: TestApp;
  let token: string;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    token = (await registerOwner(t.url)).accessToken;
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Flowers' } })).body;
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

  it('pages backwards through history with a sequence cursor', async () => {
    const last = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=15&limit=5`, { token });
    expect(last.body.map((m) => m.seq)).toEqual([10, 11, 12, 13, 14]);
    const earlier = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=10&limit=5`, { token });
    expect(earlier.body.map((m) => m.seq)).toEqual([5, 6, 7, 8, 9]);
    const first = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=3&limit=5`, { token });
    expect(first.body.map((m) => m.seq)).toEqual([1, 2]);
    expect((await api(t.url, 'GET', `/chats/${chatId}/messages?beforeSeq=0`, { token })).status).toBe(400);
  });

  it('exports the transcript as a text download, notes marked', async () => {
    const response = await fetch(`${t.url}/chats/${chatId}/transcript`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="chat-${chatId}.txt"`);
    const text = await response.text();
    expect(text).toContain('Visitor: Iryna');
    expect(text).toMatch(/Iryna:\n {2}message 1\n/);
    expect(text).toMatch(/\(private note\):\n {2}regular customer/);
    expect(text).toContain('  Hello Iryna!\n  How can I help?');
  });

  it('exports JSON too, and hides chats from other organizations', async () => {
    const json = await api<{ messages: MessageDto[] }>(t.url, 'GET', `/chats/${chatId}/transcript?format=json`, { token });
    expect(json.body.messages).toHaveLength(14);
    const stranger = await registerOwner(t.url);
    const refused = await api<{ code: string }>(t.url, 'GET', `/chats/${chatId}/transcript`, { token: stranger.accessToken });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('chat_not_found');
  });
});
