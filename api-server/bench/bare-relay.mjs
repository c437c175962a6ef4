// The floor the realtime benchmark compares against: a bare Socket.IO relay on the same load,
// with no authentication, no validation and no database. Run by realtime.bench.mjs.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  const { role, room } = socket.handshake.auth;
  if (role === 'visitor') socket.join(`v:${room}`);
  for (const r of [].concat(room)) if (role === 'operator') socket.join(`c:${r}`);
  socket.on('visitor:message', (payload, ack) => {
    io.to(`c:${room}`).emit('message:created', { message: payload });
    ack?.({ ok: true });
  });
  socket.on('admin:message', (payload, ack) => {
    io.to(`v:${payload.chatId}`).emit('admin:message', payload);
    ack?.({ ok: true });
  });
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`relay listening on ${http.address().port}`));
