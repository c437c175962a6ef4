// The admin panel's production server: `next start`, plus the browser's address for sign-in.
//
// Next.js fills in X-Forwarded-For only when a request has none, so behind `next start` a browser
// could name any address by sending the header itself. This server replaces the header with the
// client as clientAddress() resolves it through TRUSTED_PROXIES (default loopback), and marks the
// process so lib/forwarded-for.ts passes it on to the API; under `next dev` or a bare `next start`
// the mark is missing and nothing is forwarded.
//
// Usage, as `next start`: node server/start.mjs [--port 3001 (else PORT, else 3001)] [--hostname
// 127.0.0.1 (default: every interface)]. TRUSTED_PROXIES: see client-address.mjs.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { clientAddress, compileTrustedProxies } from './client-address.mjs';

/** Read by lib/forwarded-for.ts in this same process. */
const CLIENT_ADDRESS_MARK = Symbol.for('chatiq.admin-panel.client-address');

/** @param {string[]} names */
function option(...names) {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => names.includes(arg));
  return at >= 0 ? args[at + 1] : undefined;
}

const port = Number(option('--port', '-p') ?? process.env.PORT ?? 3001);
const hostname = option('--hostname', '-H');
let trust;
try {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port / PORT: must be a port number');
  trust = compileTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`Invalid configuration:\n  - ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.env.NODE_ENV ??= 'production';

const app = next({ dev: false, dir: path.dirname(path.dirname(fileURLToPath(import.meta.url))), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[CLIENT_ADDRESS_MARK] = true;

const server = createServer((req, res) => {
  req.headers['x-forwarded-for'] = clientAddress(req, trust);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`admin panel ready on http://${hostname ?? 'localhost'}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
