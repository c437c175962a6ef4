// HTTP/1.1 over a raw TCP socket: any bytes in the body and the headers the fuzzer chooses, sent
// at once, slowly, or cut off. One request per connection (`Connection: close`).
import net from 'node:net';

/** How the body reaches the server. */
export type Delivery =
  | { kind: 'whole' }
  /** In `chunks` pieces with `gapMs` between them (a slow client). */
  | { kind: 'slow'; chunks: number; gapMs: number }
  /** The headers and `fraction` of the body, then the connection is cut (no answer expected). */
  | { kind: 'abort'; fraction: number };

export type WireRequest = {
  method: string;
  /** Path and query, as sent on the request line (already encoded, possibly badly on purpose). */
  target: string;
  headers: [string, string][];
  body: Buffer;
  delivery: Delivery;
};

export type WireAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer; ms: number }
  /** Nothing came back: the connection was reset or closed without an answer. */
  | { kind: 'no-answer'; reason: string; ms: number; sentAll: boolean }
  | { kind: 'aborted'; ms: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `request` to `base` (http://host:port) and reads the answer (within `timeoutMs`). */
export function sendRaw(base: string, request: WireRequest, timeoutMs = 20_000): Promise<WireAnswer> {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let sentAll = false;
    let settled = false;
    const socket = net.connect(Number(port), hostname);
    const finish = (answer: WireAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(
      () => finish({ kind: 'no-answer', reason: `no answer within ${timeoutMs} ms`, ms: elapsed(), sentAll }),
      timeoutMs,
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk) => received.push(chunk));
    const settle = (reason: string) => {
      const parsed = parseAnswer(Buffer.concat(received));
      if (parsed) finish({ kind: 'answer', ...parsed, ms: elapsed() });
      else finish({ kind: 'no-answer', reason, ms: elapsed(), sentAll });
    };
    socket.on('end', () => settle('closed without an answer'));
    socket.on('close', () => settle('closed without an answer'));
    socket.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
    socket.once('connect', () => {
      write(socket, request).then(
        (outcome) => {
          sentAll = outcome === 'sent';
          if (outcome === 'aborted') finish({ kind: 'aborted', ms: elapsed() });
        },
        () => undefined, // the 'error' event reports it
      );
    });
  });
}

async function write(socket: net.Socket, request: WireRequest): Promise<'sent' | 'aborted'> {
  const head = `${request.method} ${request.target} HTTP/1.1\r\n${request.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const put = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (socket.destroyed) return reject(new Error('socket closed'));
      socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  await put(Buffer.from(head, 'latin1'));
  const { body, delivery } = request;
  if (delivery.kind === 'abort') {
    await put(body.subarray(0, Math.floor(body.length * delivery.fraction)));
    await sleep(5);
    socket.destroy();
    return 'aborted';
  }
  if (delivery.kind === 'slow') {
    const size = Math.max(1, Math.ceil(body.length / delivery.chunks));
    for (let at = 0; at < body.length; at += size) {
      await put(body.subarray(at, at + size));
      await sleep(delivery.gapMs);
    }
    return 'sent';
  }
  if (body.length > 0) await put(body);
  return 'sent';
}

/** Status, headers and body of a complete answer in `bytes`; null when there is none. */
export function parseAnswer(bytes: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | null {
  // Interim answers (100 Continue to `Expect: 100-continue`) come before the real one.
  while (/^HTTP\/1\.[01] 1\d\d /.test(bytes.subarray(0, 13).toString('latin1'))) {
    const interimEnd = bytes.indexOf('\r\n\r\n');
    if (interimEnd < 0) return null;
    bytes = bytes.subarray(interimEnd + 4);
  }
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
  if (!status) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      headers[name] = headers[name] ? `${headers[name]}, ${line.slice(colon + 1).trim()}` : line.slice(colon + 1).trim();
    }
  }
  let body = bytes.subarray(end + 4);
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status, headers, body };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
