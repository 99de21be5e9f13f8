/**
 * Builds the site once per test run, in two variants the site tests share:
 * - `default`: the bundled digests, at `/`;
 * - `subpath`: the bundled digests plus a hostile fixture digest, under
 *   `BASE_PATH=/catalogue/` with a public `SITE_URL`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export interface BuiltSite {
  /** Folder holding the built site (`dist` equivalent). */
  dist: string;
  /** Folder holding the ingested data the build read. */
  data: string;
  base: string;
  siteUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: { default: BuiltSite; subpath: BuiltSite };
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, '.cache/test-sites');

function build(name: string, digests: string, base: string, siteUrl: string): BuiltSite {
  const dist = path.join(WORK, name, 'dist');
  const data = path.join(WORK, name, 'data');
  const env = { ...cleanEnvironment(), SITE_DATA_DIR: data, OUT_DIR: dist, BASE_PATH: base, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  const bin = (tool: string) => path.join(ROOT, 'node_modules/.bin', tool);
  execFileSync(bin('tsx'), ['scripts/ingest.ts', '--digests', digests], { cwd: ROOT, env, stdio: 'pipe' });
  execFileSync(bin('astro'), ['build', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
  return { dist, data, base, siteUrl };
}

/** Vitest exports Vite's own env (BASE_URL, MODE, ...) to process.env; a child Astro build must not inherit them. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV', 'TEST']) delete env[key];
  return env;
}

export default function setup(project: TestProject): void {
  rmSync(WORK, { recursive: true, force: true });
  const hostileDigests = path.join(WORK, 'subpath', 'digests');
  mkdirSync(hostileDigests, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'content/digests'))) cpSync(path.join(ROOT, 'content/digests', file), path.join(hostileDigests, file));
  cpSync(path.join(ROOT, 'tests/fixtures/digests/hostile.txt'), path.join(hostileDigests, 'zz_hostile.txt'));
  project.provide('sites', {
    default: build('default', path.join(ROOT, 'content/digests'), '/', 'http://localhost:4321'),
    subpath: build('subpath', hostileDigests, '/catalogue/', 'https://papers.example.org'),
  });
}
