/**
 * `npm run bench`: the catalogue at 1k, 10k and 100k synthetic papers.
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--work .cache/bench] [--seed 7] [--no-baseline]
 *   npm run bench -- --digests content/digests      the same figures for an existing folder of digests
 *   --key-delay MS                                   time between keystrokes (default 120: a fast typist)
 *
 * For each size it generates digests, then prints: ingest time; build time and
 * its ratio to bare Astro emitting one minimal page per paper; output size;
 * JavaScript on the home page before search; bytes (gzip) fetched before the
 * first result and for a whole typed query; per-keystroke latency in headless
 * Chromium (median and p95 over typed sessions of exact, partial and
 * misspelled queries); and top-20 agreement with exhaustive Fuse. Targets from
 * issue #4 are printed beside the figures; nothing here fails a build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js/basic';
import { type Browser, type Page, type Request, chromium } from 'playwright-core';
import { PaperRecords, type PaperRecord } from '../../src/lib/schema.ts';
import { SearchEngine } from '../../src/lib/search/query-engine.ts';
import { type SearchDocument, searchDocument } from '../../src/lib/search/search-document.ts';
import { FUSE_OPTIONS } from '../../src/lib/search/search-options.ts';
import { SEARCH_DIR } from '../../src/lib/search/index-format.ts';
import { indexVersion } from '../../src/lib/search/index-version.ts';
import { compareNewestFirst } from '../../src/lib/paper-order.ts';
import { termTable, toFragment } from '../search-index/build-search-index.ts';
import { engineTiming } from './engine-timing.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const bin = (tool: string) => path.join(ROOT, 'node_modules/.bin', tool);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Typed sessions: exact words, partial words (as typed so far), misspellings; plus one method name from the corpus. */
const SESSIONS = {
  exact: ['quantization', 'kv cache', 'speculative decoding', 'knowledge distillation'],
  partial: ['quant', 'distil', 'low ra', 'prun'],
  misspelled: ['quantizaton', 'specualtive decodng', 'kv cahce', 'pruneing', 'distilation'],
};

/** One keystroke: keystroke-to-results time, files fetched meanwhile, and whether it was the session's first search. */
interface Keystroke {
  ms: number;
  /** Until the complete answer (later than `ms` when a partial answer came first). */
  completeMs: number;
  /** The first answer ranked only candidates already loaded. */
  partial: boolean;
  /** The first answer came from the page itself (the answer on screen narrowed, or kept), not the worker. */
  instant: boolean;
  /** The worker's search for the complete answer (0 when the page kept the answer on screen). */
  workMs: number;
  fetched: number;
  first: boolean;
}

interface Latency {
  median: number;
  p95: number;
  max: number;
  samples: number;
}

const latency = (values: number[]): Latency => ({ median: median(values), p95: percentile(values, 95), max: Math.max(...values), samples: values.length });

interface SizeResult {
  papers: number;
  ingestSeconds: number;
  buildSeconds: number;
  baselineSeconds: number | null;
  distBytes: number;
  distFiles: number;
  indexBytes: number;
  homeJsGzip: number;
  homeJsRaw: number;
  firstResultGzip: { median: number; max: number };
  wholeQueryGzip: { median: number; max: number };
  facetListsGzip: number;
  /** Every keystroke after the session's first search (which loads the code and the index). */
  keystroke: Latency;
  /** Keystrokes whose files were all already loaded: the compute cost alone. */
  warm: Latency;
  /** The worker's search for each keystroke's complete answer (all keystrokes after the first). */
  worker: Latency;
  /** The engine alone in Node over the same files and sessions: its own work, without browser, worker hop or HTTP. */
  engine: { cold: Latency; warm: Latency };
  /** The first search of a session: worker, fuse.js, index metadata, first shard and fragments. */
  cold: Latency;
  /** Keystroke to the complete answer, when fragments had to be fetched first. */
  complete: Latency;
  /** Share of keystrokes whose first answer was partial. */
  partialShare: number;
  /** Share of keystrokes first answered on the page, before the worker replied. */
  instantShare: number;
  agreement: { query: string; shared: number; tied: number; of: number }[];
  sessions: { query: string; latencies: Keystroke[]; firstResultBytes: number; wholeQueryBytes: number }[];
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  return (performance.now() - started) / 1000;
}

function walk(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values: number[]) => percentile(values, 50);

/**
 * Response bodies gzip-compressed, as a host would send them, per URL. The home
 * page's facet lists load once, after typing pauses, for the counts: they are
 * reported on their own, not as search bytes.
 */
function trackBytes(page: Page): { search: (until?: number) => Promise<number>; requests: () => number } {
  const finished: Request[] = [];
  const sizes = new Map<Request, number>();
  let requests = 0;
  // Index files and code only: a URL change on the home page also re-requests the favicon.
  page.context().on('request', (request) => {
    if (/\/(search|_astro)\//.test(request.url())) requests++;
  });
  page.context().on('requestfinished', (request) => finished.push(request));
  /**
   * Gzip bytes of the responses that had arrived by `until` (wall-clock ms; all so far by default).
   * Sizes are taken when asked, not while the page types, so measuring never competes with typing.
   */
  const search = async (until = Infinity) => {
    let total = 0;
    for (const request of finished) {
      if (request.url().endsWith('/facets.json')) continue;
      const timing = request.timing();
      if (timing.startTime + timing.responseEnd > until) continue;
      if (!sizes.has(request)) {
        const response = await request.response();
        const body = response ? await response.body().catch(() => null) : null;
        sizes.set(request, body ? gzipSync(body).length : 0);
      }
      total += sizes.get(request)!;
    }
    return total;
  };
  return { search, requests: () => requests };
}

/** Serves a build from its own process, so serving files never competes with the measuring process. */
async function serveInChild(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = 4500 + Math.floor(Math.random() * 400);
  const child = spawn(bin('tsx'), ['scripts/serve.ts'], { cwd: ROOT, env: { ...process.env, SERVE_DIR: dist, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('served at') && resolve());
    child.on('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      child.kill();
    },
  };
}

/** Typing speed of the sessions: about 80 words per minute, a fast typist. */
let keyDelayMs = 120;

async function typedSession(browser: Browser, url: string, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => {
    const w = window as unknown as { __results: { query: string; elapsed: number; at: number }[] };
    w.__results = [];
    // `at`: when the answer was on screen, as wall-clock ms, to compare with the network's timings.
    document.addEventListener('paper-search:results', (event) => w.__results.push({ ...(event as CustomEvent).detail, at: performance.timeOrigin + performance.now() }));
  });
  const bytes = trackBytes(page);
  await page.focus('#search-input');
  await page.waitForTimeout(keyDelayMs);
  const latencies: Keystroke[] = [];
  let firstResultBytes = -1;
  let typed = '';
  for (const character of query) {
    typed += character;
    const before = await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length);
    const requestsBefore = bytes.requests();
    const pressedAt = Date.now();
    await page.keyboard.type(character);
    if (typed.trim().length < 2) continue;
    // The first answer on screen (partial or complete), then the complete one.
    const answers = (final: boolean) =>
      page.waitForFunction(
        ([count, value, complete]) => {
          const results = (window as unknown as { __results: { query: string; partial: boolean }[] }).__results.slice(count as number);
          return results.find((result) => result.query === value && (!complete || !result.partial)) ?? false;
        },
        [before, typed, final] as const,
        { timeout: 20_000 },
      );
    const first = (await (await answers(false)).jsonValue()) as unknown as { elapsed: number; workMs: number; partial: boolean; instant: boolean; at: number };
    const complete = first.partial ? ((await (await answers(true)).jsonValue()) as unknown as { elapsed: number; workMs: number }) : first;
    latencies.push({ ms: first.elapsed, completeMs: complete.elapsed, workMs: complete.workMs, fetched: bytes.requests() - requestsBefore, first: latencies.length === 0, partial: first.partial, instant: first.instant });
    await page.waitForTimeout(Math.max(0, keyDelayMs - (Date.now() - pressedAt)));
    // What had arrived when the first answer was on screen; code the page fetches after it does not count.
    if (firstResultBytes < 0) firstResultBytes = await bytes.search(first.at);
  }
  await page.waitForTimeout(150);
  const wholeQueryBytes = await bytes.search();
  await context.close();
  return { latencies, firstResultBytes, wholeQueryBytes };
}

async function homeJavaScript(browser: Browser, url: string): Promise<{ gzip: number; raw: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let gzip = 0;
  let raw = 0;
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body();
    raw += body.length;
    gzip += gzipSync(body).length;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  return { gzip, raw };
}

/** The same typed sessions through the engine in Node (see engine-timing.ts). */
async function engineLatency(indexDir: string, sessions: readonly string[]) {
  const { cold, warm } = await engineTiming(indexDir, sessions);
  // As in the browser figures, a session's first keystroke (the engine starting up) is counted apart.
  const perSession = (times: number[]) => {
    let offset = 0;
    return sessions.flatMap((query) => {
      const own = times.slice(offset, offset + query.length);
      offset += query.length;
      return own.slice(1);
    });
  };
  return { cold: latency(perSession(cold)), warm: latency(perSession(warm)) };
}

/** Top-20 overlap between the two-stage engine (reading the built files) and plain Fuse over every paper. */
async function agreement(papers: PaperRecord[], indexDir: string, queries: string[]) {
  const engine = new SearchEngine(async (file) => JSON.parse(readFileSync(path.join(indexDir, file), 'utf8')));
  const terms = termTable();
  const ordered = [...papers].sort(compareNewestFirst);
  const fuse = new Fuse<SearchDocument>(ordered.map((paper, n) => searchDocument(toFragment(paper, n), terms)), FUSE_OPTIONS);
  const out: { query: string; shared: number; tied: number; of: number }[] = [];
  for (const query of queries) {
    const matches = fuse.search(query);
    const reference = matches.slice(0, 20).map((result) => result.item.n);
    const ours = (await engine.search(query, { limit: 20 })).hits.map((hit) => hit.fragment.n);
    // Synthetic papers tie a lot: when more than 20 score as well as Fuse's 20th, any of them is as right.
    const cut = matches[Math.min(20, matches.length) - 1]?.score ?? 0;
    const scoreOf = new Map(matches.map((result) => [result.item.n, result.score ?? 1]));
    const tied = ours.filter((n) => reference.includes(n) || (scoreOf.get(n) ?? Infinity) <= cut).length;
    out.push({ query, shared: ours.filter((n) => reference.includes(n)).length, tied, of: reference.length });
  }
  return out;
}

/** Benchmarks `papersWanted` synthetic papers, or an existing folder of digests (`--digests`). */
async function benchSize(papersWanted: number | string, work: string, seed: number, baseline: boolean, browser: Browser): Promise<SizeResult> {
  // Absolute: the baseline builds with another --root, against which Astro resolves a relative OUT_DIR.
  const dir = path.resolve(work, typeof papersWanted === 'number' ? String(papersWanted) : 'digests');
  rmSync(dir, { recursive: true, force: true });
  let digests = path.join(dir, 'digests');
  const data = path.join(dir, 'data');
  const dist = path.join(dir, 'dist');
  if (typeof papersWanted === 'number') {
    console.error(`\n[${papersWanted}] generating digests`);
    run(bin('tsx'), ['scripts/bench/generate-digests.ts', '--papers', String(papersWanted), '--out', digests, '--seed', String(seed)]);
  } else digests = path.resolve(papersWanted);
  console.error(`[${papersWanted}] ingesting`);
  const ingestSeconds = run(bin('tsx'), ['scripts/ingest.ts', '--digests', digests], { SITE_DATA_DIR: data });
  console.error(`[${papersWanted}] building the site`);
  const buildSeconds = run(bin('astro'), ['build', '--silent'], { SITE_DATA_DIR: data, OUT_DIR: dist });
  let baselineSeconds: number | null = null;
  if (baseline) {
    console.error(`[${papersWanted}] building the bare-Astro baseline`);
    baselineSeconds = run(bin('astro'), ['build', '--silent', '--root', 'scripts/bench/baseline'], { BENCH_PAPERS_FILE: path.join(data, 'papers.json'), OUT_DIR: path.join(dir, 'baseline-dist') });
    rmSync(path.join(dir, 'baseline-dist'), { recursive: true, force: true });
  }
  const papersText = readFileSync(path.join(data, 'papers.json'), 'utf8');
  const papers = PaperRecords.parse(JSON.parse(papersText));
  const indexDir = path.join(dist, SEARCH_DIR, indexVersion(papersText));
  const { bytes: distBytes, files: distFiles } = walk(dist);
  const { bytes: indexBytes } = walk(indexDir);

  console.error(`[${papersWanted}] typing in Chromium`);
  const server = await serveInChild(dist);
  const home = await homeJavaScript(browser, server.url);
  const method = papers.find((paper) => paper.method && paper.method.length >= 5)?.method;
  const sessions = [...SESSIONS.exact, ...SESSIONS.partial, ...SESSIONS.misspelled, ...(method ? [method] : [])];
  const latencies: Keystroke[] = [];
  const firstBytes: number[] = [];
  const wholeBytes: number[] = [];
  const sessionResults: SizeResult['sessions'] = [];
  for (const query of sessions) {
    const session = await typedSession(browser, server.url, query);
    sessionResults.push({ query, ...session });
    latencies.push(...session.latencies);
    firstBytes.push(session.firstResultBytes);
    wholeBytes.push(session.wholeQueryBytes);
  }
  await server.close();
  const facetListsGzip = gzipSync(readFileSync(path.join(indexDir, 'facets.json'))).length;
  const agreementQueries = [...SESSIONS.exact, ...SESSIONS.misspelled, ...(method ? [method] : []), 'quant', 'distil', 'prun'].filter((query) => query.length >= 4);
  console.error(`[${papersWanted}] comparing with exhaustive Fuse`);
  return {
    papers: papers.length,
    ingestSeconds,
    buildSeconds,
    baselineSeconds,
    distBytes,
    distFiles,
    indexBytes,
    homeJsGzip: home.gzip,
    homeJsRaw: home.raw,
    firstResultGzip: { median: median(firstBytes), max: Math.max(...firstBytes) },
    wholeQueryGzip: { median: median(wholeBytes), max: Math.max(...wholeBytes) },
    facetListsGzip,
    keystroke: latency(latencies.filter((k) => !k.first).map((k) => k.ms)),
    warm: latency(latencies.filter((k) => !k.first && k.fetched === 0).map((k) => k.ms)),
    worker: latency(latencies.filter((k) => !k.first).map((k) => k.workMs)),
    cold: latency(latencies.filter((k) => k.first).map((k) => k.ms)),
    complete: latency(latencies.filter((k) => !k.first).map((k) => k.completeMs)),
    partialShare: latencies.filter((k) => !k.first && k.partial).length / Math.max(1, latencies.filter((k) => !k.first).length),
    instantShare: latencies.filter((k) => !k.first && k.instant).length / Math.max(1, latencies.filter((k) => !k.first).length),
    engine: await engineLatency(indexDir, sessions),
    agreement: await agreement(papers, indexDir, agreementQueries),
    sessions: sessionResults,
  };
}

const ms = (l: Latency) => `${l.median.toFixed(1)} / ${l.p95.toFixed(1)} ms (${l.max.toFixed(0)}), n=${l.samples}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function report(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string, string][] = [
    ['papers', (r) => r.papers.toLocaleString('en'), ''],
    ['ingest', (r) => `${r.ingestSeconds.toFixed(1)} s`, ''],
    ['build (ingest excluded)', (r) => `${r.buildSeconds.toFixed(1)} s`, ''],
    ['bare-Astro baseline', (r) => (r.baselineSeconds === null ? '–' : `${r.baselineSeconds.toFixed(1)} s`), ''],
    ['build / baseline', (r) => (r.baselineSeconds === null ? '–' : `${(r.buildSeconds / r.baselineSeconds).toFixed(2)}x`), '< 2x'],
    ['output', (r) => `${mb(r.distBytes)} in ${r.distFiles.toLocaleString('en')} files`, ''],
    ['  of which search index', (r) => mb(r.indexBytes), ''],
    ['home JS before search (gzip / raw)', (r) => `${kb(r.homeJsGzip)} / ${kb(r.homeJsRaw)}`, '<= 10 KB'],
    ['before first result (gzip, median / max)', (r) => `${kb(r.firstResultGzip.median)} / ${kb(r.firstResultGzip.max)}`, '< 50 KB'],
    ['whole typed query (gzip, median / max)', (r) => `${kb(r.wholeQueryGzip.median)} / ${kb(r.wholeQueryGzip.max)}`, '< 150 KB (10k) / 300 KB (100k)'],
    ['facet lists, loaded once for counts (gzip)', (r) => kb(r.facetListsGzip), ''],
    ['keystroke, median / p95 (max)', (r) => ms(r.keystroke), '< 16 ms p95'],
    ['  keystrokes that fetched no file', (r) => ms(r.warm), ''],
    ['  search work in the worker (complete answer)', (r) => ms(r.worker), ''],
    ['  engine alone in Node, files read as needed', (r) => ms(r.engine.cold), ''],
    ['  engine alone in Node, files already parsed', (r) => ms(r.engine.warm), ''],
    ['  until the complete answer', (r) => ms(r.complete), ''],
    ['  keystrokes answered partially first', (r) => `${(r.partialShare * 100).toFixed(0)}%`, ''],
    ['  keystrokes answered on the page first (narrowed or kept)', (r) => `${(r.instantShare * 100).toFixed(0)}%`, ''],
    ['first search of a session (cold)', (r) => ms(r.cold), ''],
    ['top-20 agreement, worst query', (r) => { const worst = [...r.agreement].sort((a, b) => a.shared / Math.max(1, Math.min(20, a.of)) - b.shared / Math.max(1, Math.min(20, b.of)))[0]; return worst ? `${worst.shared}/${Math.min(20, worst.of)} (${worst.query})` : '–'; }, '>= 18/20'],
    ['  queries at >= 18/20 (counting ties)', (r) => { const of = (a: SizeResult['agreement'][number]) => Math.min(18, a.of); return `${r.agreement.filter((a) => a.shared >= of(a)).length}/${r.agreement.length} (${r.agreement.filter((a) => a.tied >= of(a)).length}/${r.agreement.length})`; }, ''],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const columns = results.map((r) => rows.map(([, value]) => value(r)));
  const colWidth = columns.map((column) => Math.max(...column.map((cell) => cell.length)));
  const lines = rows.map(([label, , target], i) => `${label.padEnd(width)}  ${columns.map((column, c) => column[i].padStart(colWidth[c])).join('  ')}  ${target}`);
  const agreementLines = results.flatMap((r) => [`\nTop-20 agreement with exhaustive Fuse at ${r.papers.toLocaleString('en')} papers:`, ...r.agreement.map((a) => `  ${a.query.padEnd(24)} ${a.shared}/${Math.min(20, a.of)}${a.tied !== a.shared ? `   (${a.tied}/${Math.min(20, a.of)} counting papers tied with Fuse's 20th)` : ''}`)]);
  return [...lines, ...agreementLines].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      work: { type: 'string', default: path.join(ROOT, '.cache/bench') },
      seed: { type: 'string', default: '7' },
      'no-baseline': { type: 'boolean', default: false },
      digests: { type: 'string' },
      'key-delay': { type: 'string', default: String(keyDelayMs) },
    },
  });
  keyDelayMs = Number(values['key-delay']);
  const sizes: (number | string)[] = values.digests ? [values.digests] : values.sizes.split(',').map((size) => Number.parseInt(size, 10));
  mkdirSync(values.work, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      results.push(await benchSize(size, values.work, Number(values.seed), !values['no-baseline'], browser));
      writeFileSync(path.join(values.work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    }
  } finally {
    await browser.close();
  }
  console.log(report(results));
  console.log(`\nRaw figures: ${path.relative(ROOT, path.join(values.work, 'results.json'))}`);
}

await main();
