// Serves public/ (widget.js, the chat bundle in assets/ and the demo page) the way the CDN would,
// plus GET /health. Files are looked up on every request, so a rebuilt widget.js is served at once.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const port = Number(process.env.PORT) || 3002;
const host = process.env.HOST || '0.0.0.0';
const publicDir = join(dirname(fileURLToPath(import.meta.url)), 'public');

/**
 * widget.js keeps its name (site owners embed it), so browsers revalidate it (its ETag keeps that
 * cheap); the chat bundle's name carries its content hash (assets/chat-<hash>.js), so it is
 * cached for good. Pages always revalidate.
 */
const CACHE_CONTROL = {
  widget: 'no-cache',
  hashed: 'public, max-age=31536000, immutable',
  page: 'no-cache',
};
const HASHED_ASSET = /^\/assets\/[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/;

const serveStatic = sirv(publicDir, {
  dev: true, // stat on each request: no stale file list or sizes after a rebuild
  etag: true,
  setHeaders(res, pathname) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (pathname.endsWith('.js') || pathname.endsWith('.js.map')) {
      res.setHeader('Cache-Control', HASHED_ASSET.test(pathname) ? CACHE_CONTROL.hashed : CACHE_CONTROL.widget);
      // Embedded on any site; the chat bundle is an ES module, which the page fetches with CORS.
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else {
      res.setHeader('Cache-Control', CACHE_CONTROL.page);
    }
  },
});

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ status: 'ok' }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
    return;
  }
  serveStatic(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not Found');
  });
});

server.listen(port, host, () => {
  console.log(`widget-cdn: serving ${publicDir} on http://${host}:${port} (demo at /, widget at /widget.js)`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
