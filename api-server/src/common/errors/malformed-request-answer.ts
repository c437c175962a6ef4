import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from './app-error.js';

/**
 * Requests Node's HTTP parser refuses before the app sees them (headers over 16 KB, bytes that
 * are not HTTP, a client too slow to send its request) get a typed error like every other
 * answer, `{ code, message }` as JSON, instead of Node's bare status line; then the connection
 * is closed (nothing after a malformed request can be trusted to be a request).
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal = toRefusal(error.code);
    const body = JSON.stringify(refusal.toBody());
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
