// A tiny static file server for dist/, so e2e tests need nothing but node.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.py': 'text/plain; charset=utf-8',
};

/**
 * Serve `root` on an ephemeral 127.0.0.1 port; resolves to { url, close, requests }
 * (`requests`: every path asked for, in order). `refuse(path)` true answers 404 (a server
 * without some of the app's files).
 */
export function serveDir(root, { refuse = () => false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (refuse(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, rel.endsWith('/') ? rel + 'index.html' : rel);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
