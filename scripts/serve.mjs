// `npm start`: serves the demo host page and the built bundles on 127.0.0.1 with a strict CSP.
// Usage: node scripts/serve.mjs [--port 8000]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** The policy a strict host page would send; the widgets and the mock worker work under it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The packages the npm ESM build imports by bare specifier (and lit's own), served from
 * node_modules/ for the bundler-free example's import map; nothing else in node_modules is served.
 */
const VENDOR = /^\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|@lit\/task|ky|zod)\/[\w./-]+\.js$/;

/** A strict host allows its inline import map by hash, as `script-src` requires for inline scripts. */
function cspFor(path, body) {
  if (extname(path) !== '.html') return STRICT_CSP;
  const hashes = [...body.toString('utf8').matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    ([, map]) => `'sha256-${createHash('sha256').update(map).digest('base64')}'`,
  );
  return hashes.length ? STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`) : STRICT_CSP;
}

/** Starts the server; `port: 0` picks a free one. Resolves with its URL and a close function. */
export function serve({ port = 8000, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/') {
      res.writeHead(302, { Location: '/examples/host-page.html' }).end();
      return;
    }
    // The service worker controls the whole origin only when served from the root.
    if (path === '/mockServiceWorker.js') path = '/dist/mockServiceWorker.js';
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || (file.includes('node_modules') && !VENDOR.test(file.slice(root.length))) || file.includes(`${root}/.git`)) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': cspFor(file, body),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
      resolveServer({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8000);
  const { url, close } = await serve({ port });
  console.log(`Demo host page: ${url}/examples/host-page.html`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
