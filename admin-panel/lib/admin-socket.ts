import { ADMIN_NAMESPACE, type AdminClientToServerEvents, type AdminServerToClientEvents, CONTRACT_VERSION } from '@chatiq/contracts';
import { io, type Socket } from 'socket.io-client';

export type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;

/**
 * The operator's realtime connection. It reconnects by itself after network trouble, and also
 * when the server closed it because the operator's role or sites changed (`permissions_changed`):
 * the same token then opens a socket with the new view. After any other server-side close
 * (signed out, deactivated) it stays closed.
 */
export function connectAdminSocket(apiUrl: string, token: string): AdminSocket {
  const socket: AdminSocket = io(`${apiUrl}${ADMIN_NAMESPACE}`, {
    auth: { token, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
  });
  let permissionsChanged = false;
  socket.on('server:error', (error) => {
    if (error.code === 'permissions_changed') permissionsChanged = true;
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && permissionsChanged) {
      permissionsChanged = false;
      socket.connect();
    }
  });
  return socket;
}
