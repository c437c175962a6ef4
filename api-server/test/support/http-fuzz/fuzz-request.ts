// What the fuzzer sends, before the batch's context is filled in: `{{siteId}}`-style references in
// the target, headers and body become the real ids and token of the batch when it is sent.
import type { Delivery, WireRequest } from './raw-http.js';

export type FuzzRequest = {
  /** The operation or route it aims at (for the report). */
  label: string;
  method: string;
  target: string;
  /** Without Content-Length / Transfer-Encoding: those follow `framing`. */
  headers: [string, string][];
  body: Buffer;
  /** How the body's length is told: its real length, chunked, or a wrong length on purpose. */
  framing: 'length' | 'chunked' | 'short-length' | 'none';
  delivery: Delivery;
};

export type FuzzContext = Record<string, string>;

/** The request with the context filled in, framed for the wire (Connection: close). */
export function toWire(request: FuzzRequest, context: FuzzContext): WireRequest {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => context[name] ?? whole);
  let body: Buffer = Buffer.from(fill(request.body.toString('latin1')), 'latin1');
  const headers: [string, string][] = [
    ['Host', '127.0.0.1'],
    ...request.headers.map(([k, v]): [string, string] => [k, fill(v)]),
    ['Connection', 'close'],
  ];
  if (request.framing === 'chunked') {
    headers.push(['Transfer-Encoding', 'chunked']);
    body = chunked(body);
  } else if (request.framing === 'length') headers.push(['Content-Length', String(body.length)]);
  else if (request.framing === 'short-length') headers.push(['Content-Length', String(Math.floor(body.length / 2))]);
  return { method: request.method, target: fill(request.target), headers, body, delivery: request.delivery };
}

function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  const size = Math.max(1, Math.ceil(body.length / 3));
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`, 'latin1'), piece, Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from('0\r\n\r\n', 'latin1'));
  return Buffer.concat(parts);
}

/** One line saying what was sent (method, target, headers, the start of the body). */
export function describe(request: FuzzRequest): string {
  const body = request.body.toString('latin1');
  const excerpt = body.length > 300 ? `${JSON.stringify(body.slice(0, 300))}… (${body.length} bytes)` : JSON.stringify(body);
  const headers = request.headers.map(([k, v]) => `${k}: ${v.length > 120 ? `${v.slice(0, 120)}… (${v.length})` : v}`).join(' | ');
  return `[${request.label}] ${request.method} ${request.target.slice(0, 300)} {${headers}} framing=${request.framing} delivery=${JSON.stringify(request.delivery)} body=${excerpt}`;
}

/** Percent-encodes the UTF-8 of `text` (a lone surrogate becomes U+FFFD, as in any client). */
export function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
