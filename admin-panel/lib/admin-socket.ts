import { ADMIN_NAMESPACE, type AdminClientToServerEvents, type AdminServerToClientEvents, CONTRACT_VERSION } from '@chatiq/contracts';
import { io, type Socket } from 'socket.io-client';

export type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;

/** The operator's realtime connection (reconnects by itself). */
export function connectAdminSocket(apiUrl: string, token: string): AdminSocket {
  return io(`${apiUrl}${ADMIN_NAMESPACE}`, {
    auth: { token, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
  });
}
