/**
 * `npm start` serves the built site: `PORT` (default 4321) and `BASE_PATH` (default `/`) as at
 * build time; `SERVE_DIR` serves another build (the benchmark's).
 */
import { startServer } from './lib/static-server.ts';

const server = await startServer({ root: process.env.SERVE_DIR || 'dist', base: process.env.BASE_PATH || '/', port: Number(process.env.PORT || 4321), host: process.env.HOST || '127.0.0.1' });
console.log(`Paper catalogue is being served at ${server.url}  (Ctrl+C to stop)`);
