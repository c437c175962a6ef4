// The floor the realtime benchmark compares against: a bare Socket.IO relay on the same load,
// with no authentication, no validation and no database. Run by realtime.bench.mjs. The same
// messages go to the same sockets as through the API (a visitor's to the chat's operators; an
// operator's to the chat's other operators and to the visitor), each acknowledged with the
// message; only the API's inbox summaries (`chats:updated`) have no counterpart here.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  const { role, room } = socket.handshake.auth;
  if (role === 'visitor') socket.join(`v:${room}`);
  for (const r of [].concat(room)) if (role === 'operator') socket.join(`c:${r}`);
  socket.on('visitor:message', (payload, ack) => {
    const message = { ...payload, authorKind: 'VISITOR' };
    io.to(`c:${room}`).emit('message:created', { message });
    ack?.({ ok: true, data: { message } });
  });
  socket.on('admin:message', (payload, ack) => {
    const message = { ...payload, authorKind: 'OPERATOR' };
    socket.to(`c:${payload.chatId}`).emit('message:created', { message }); // the chat's other operators (as the API)
    io.to(`v:${payload.chatId}`).emit('admin:message', message);
    ack?.({ ok: true, data: { message } });
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`relay listening on ${http.address().port}`));
