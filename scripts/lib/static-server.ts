/**
 * A small static file server for the built site, honouring the base path, so
 * `npm start` and the browser tests serve `dist/` exactly as a host would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer({ root, base = '/', port = 0, host = '127.0.0.1' }: { root: string; base?: string; port?: number; host?: string }): Promise<StaticServer> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const absoluteRoot = path.resolve(root);
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return send404(absoluteRoot, response);
    const relative = pathname.slice(prefix.length);
    let file = path.resolve(absoluteRoot, relative);
    if (!file.startsWith(absoluteRoot)) return send404(absoluteRoot, response);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(file).pipe(response);
    } catch {
      send404(absoluteRoot, response);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}${prefix}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send404(root: string, response: http.ServerResponse): void {
  const notFound = path.join(root, '404.html');
  stat(notFound)
    .then(() => {
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(notFound).pipe(response);
    })
    .catch(() => response.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found\n'));
}
