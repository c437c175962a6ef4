// Serves public/ (widget.js and the demo page) the way the CDN would, plus GET /health.
// Files are looked up on every request, so a rebuilt widget.js is served at once.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const port = Number(process.env.PORT) || 3002;
const host = process.env.HOST || '0.0.0.0';
const publicDir = join(dirname(fileURLToPath(import.meta.url)), 'public');

/** Pages always revalidate; the widget too, for now (its ETag keeps revalidation cheap). */
const CACHE_CONTROL = {
  widget: 'no-cache',
  page: 'no-cache',
};

const serveStatic = sirv(publicDir, {
  dev: true, // stat on each request: no stale file list or sizes after a rebuild
  etag: true,
  setHeaders(res, pathname) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (pathname.endsWith('.js') || pathname.endsWith('.js.map')) {
      res.setHeader('Cache-Control', CACHE_CONTROL.widget);
      res.setHeader('Access-Control-Allow-Origin', '*'); // embedded on any site
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
