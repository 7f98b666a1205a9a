/** A static file server on 127.0.0.1 for test and demo pages (content scripts do not run on data: URLs). */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  /** Every request the server saw, as paths. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serve `root`. `headers(path)` may add response headers (e.g. a Content-Security-Policy for one page);
 * `routes` may answer a path with generated text (typed by the path's extension, HTML when it has none),
 * at once or later (a promise: a slow resource).
 */
export async function startStaticServer(
  root: string,
  options: { headers?: (path: string) => Record<string, string>; routes?: Record<string, () => string | Promise<string>> } = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const extra = options.headers?.(path) ?? {};
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask for it on every page; a 404 would read as a page error
      return;
    }
    const route = options.routes?.[path];
    if (route) {
      const body = await route();
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? TYPES['.html']!, ...extra });
      res.end(body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : `/${p}`),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
