// Proof that the API still does its job: a visitor writes over the widget socket, an operator
// receives it live and answers, the visitor receives the answer. Its own organization and site,
// which nothing else in a test touches.
import type { Ack, CreatedSiteDto, MessageAckData } from '@chatiq/contracts';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextChatUpdate,
  nextEvent,
  ok,
  registerOwner,
} from './clients.js';

export type ChatProbe = {
  /** One short conversation; throws saying which step did not happen. */
  check: () => Promise<void>;
  close: () => void;
};

export async function createChatProbe(url: string): Promise<ChatProbe> {
  const owner = await registerOwner(url, `probe-${newClientId().slice(0, 8)}`);
  const site = (await api<CreatedSiteDto>(url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Probe' } })).body;
  const operator: AdminSocket = await connectAdmin(url, owner.accessToken);
  let round = 0;

  const check = async () => {
    round++;
    if (!operator.connected) throw new Error('chat probe: the operator socket was disconnected');
    const visitor = await connectWidget(url, site.publicId);
    try {
      ok(await visitor.timeout(10_000).emitWithAck('visitor:join', {}));
      const text = `probe ${round} ${newClientId()}`;
      const seen = nextChatUpdate(operator, (chat) => chat.lastMessage?.text === text, 10_000);
      const sent = ok(
        (await visitor.timeout(10_000).emitWithAck('visitor:message', { clientId: newClientId(), text })) as Ack<MessageAckData>,
      );
      await seen;
      ok(await operator.timeout(10_000).emitWithAck('admin:join', { chatId: sent.message.chatId }));
      const reply = `reply ${round}`;
      const received = nextEvent<{ text: string }>(visitor, 'admin:message', 10_000, (m) => m.text === reply);
      ok(
        await operator.timeout(10_000).emitWithAck('admin:message', { chatId: sent.message.chatId, clientId: newClientId(), text: reply }),
      );
      await received;
    } finally {
      visitor.close();
    }
  };
  return { check, close: () => operator.close() };
}
