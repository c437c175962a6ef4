import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError } from './app-error.js';

/** How long the connection stays open after the answer, to read what the client still sends. */
const LINGER_MS = 5000;

/**
 * Requests Node's HTTP parser refuses before the app sees them (headers over 16 KB, bytes that
 * are not HTTP, a client too slow to send its request) get a typed error like every other
 * answer, `{ code, message }` as JSON, instead of Node's bare status line; then the connection
 * is closed (nothing after a malformed request can be trusted to be a request).
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal = toRefusal(error.code);
    const body = JSON.stringify(refusal.toBody());
    // Read and drop what the client still sends (a lingering close, for LINGER_MS at most): closing
    // with unread bytes makes the kernel reset the connection, and the client would lose the answer.
    socket.on('error', () => socket.destroy());
    socket.setTimeout(LINGER_MS, () => socket.destroy());
    socket.resume();
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

function toRefusal(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') return new AppError('request_headers_too_large', 'The request line or headers are too large');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    return new AppError('request_timeout', 'The request took too long to arrive');
  }
  return new AppError('validation_failed', 'Malformed HTTP request');
}
