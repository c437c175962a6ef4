// The floors the realtime benchmark compares against: a bare Socket.IO relay on the same load,
// with no authentication, no validation and no database. Run by realtime.bench.mjs. The same
// messages go to the same sockets as through the API (a visitor's to the chat's operators; an
// operator's to the chat's other operators and to the visitor), each acknowledged with the
// message; only the API's inbox summaries (`chats:updated`) have no counterpart here.
// With STORE_URL (a PostgreSQL database), each message is first stored by one INSERT, committed
// (a durable commit on a durable server), and relayed after: the least any server that stores a
// message before delivering it must pay.
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const store = process.env.STORE_URL ? new pg.Pool({ connectionString: process.env.STORE_URL, max: 10 }) : null;
if (store) {
  await store.query(`CREATE TABLE IF NOT EXISTS relay_message (
    id bigserial PRIMARY KEY, chat text NOT NULL, client_id text NOT NULL, body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (chat, client_id))`);
}
const stored = async (chat, message) => {
  if (!store) return message;
  const { rows } = await store.query({
    name: 'relay_insert',
    text: 'INSERT INTO relay_message (chat, client_id, body) VALUES ($1, $2, $3) RETURNING id',
    values: [chat, message.clientId, message],
  });
  return { ...message, seq: Number(rows[0].id) };
};

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  const { role, room } = socket.handshake.auth;
  if (role === 'visitor') socket.join(`v:${room}`);
  for (const r of [].concat(room)) if (role === 'operator') socket.join(`c:${r}`);
  socket.on('visitor:message', async (payload, ack) => {
    const message = await stored(room, { ...payload, authorKind: 'VISITOR' });
    io.to(`c:${room}`).emit('message:created', { message });
    ack?.({ ok: true, data: { message } });
  });
  socket.on('admin:message', async (payload, ack) => {
    const message = await stored(payload.chatId, { ...payload, authorKind: 'OPERATOR' });
    socket.to(`c:${payload.chatId}`).emit('message:created', { message }); // the chat's other operators (as the API)
    io.to(`v:${payload.chatId}`).emit('admin:message', message);
    ack?.({ ok: true, data: { message } });
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`relay listening on ${http.address().port}`));
