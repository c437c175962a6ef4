// A customer's web server, for the embedding tests: a real HTTP server on a loopback port of its
// own (its own origin, which a test site may allow or not), serving the pages a test gives it with
// the headers it gives (a Content-Security-Policy, say). Loopback, as the API: Chromium lets its
// pages reach the API (a page made up by `page.route` would count as public: Local Network Access).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostServer = {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Serves `html` at `path` from now on, with `headers`. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
};

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer((request, response) => {
    const found = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
    if (!found) {
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...found.headers });
    response.end(found.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
