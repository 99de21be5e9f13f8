/**
 * Search and facets in Chromium, on the site built from the real digests:
 * facet combinations and counts, the URL round trip, typo queries, the
 * keyboard flow, JavaScript-off browsing, and axe on every search state.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { facetValuesOf } from '../../src/lib/browse/facet-fields.ts';
import { LIST_PAGE_SIZE } from '../../src/lib/search/search-options.ts';
import { builtRecords } from '../helpers/site.ts';
import { axeViolations, launchBrowser, serveSite, watchErrors } from './helpers/browser.ts';

const site = inject('sites').default;
const records = builtRecords(site);
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveSite(site)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const countWhere = (test: (values: ReturnType<typeof facetValuesOf>) => boolean) => records.filter((record) => test(facetValuesOf(record))).length;
const status = (page: Page) => page.locator('[data-browse-status]');
const listIds = (page: Page) => page.locator('#paper-list > .paper-card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
const valueCount = (page: Page, facet: string, id: string) => page.locator(`input[name="${facet}"][value="${id}"] ~ [data-value-count]`).textContent();

/** Types a query and waits for the popup to show the complete results for exactly that query. */
async function typeQuery(page: Page, query: string) {
  await page.locator('#search-input').fill('');
  await page.evaluate(() => {
    (window as unknown as { lastResults: string | null }).lastResults = null;
    document.addEventListener('paper-search:results', (event) => {
      // A partial first answer may come first; wait for the complete one.
      const { query, partial } = (event as CustomEvent<{ query: string; partial: boolean }>).detail;
      if (!partial) (window as unknown as { lastResults: string }).lastResults = query;
    });
  });
  await page.locator('#search-input').pressSequentially(query);
  await page.waitForFunction((value) => (window as unknown as { lastResults: string | null }).lastResults === value, query);
}

describe('facets on the home page', () => {
  it('combine OR within a facet and AND across facets, with exact counts', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    const quantization = countWhere((v) => v.technique.includes('quantization'));
    const eitherTechnique = countWhere((v) => v.technique.includes('quantization') || v.technique.includes('pruning'));
    const withKv = countWhere((v) => (v.technique.includes('quantization') || v.technique.includes('pruning')) && v.target.includes('kv-cache'));

    await page.getByRole('checkbox', { name: /^Quantization \d+$/ }).check();
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${quantization} papers match the filters[.;]`));
    expect(await page.locator('#paper-list > .paper-card').count()).toBe(Math.min(LIST_PAGE_SIZE, quantization));
    // With quantization ticked, the pruning count says what ticking it too would give (OR).
    expect(Number(await valueCount(page, 'technique', 'pruning'))).toBe(eitherTechnique - quantization + countWhere((v) => v.technique.includes('quantization') && v.technique.includes('pruning')));

    await page.getByRole('checkbox', { name: /^Pruning & sparsity \d+$/ }).check();
    await expect.poll(() => status(page).textContent()).toContain(`${eitherTechnique} papers`);
    expect(Number(await valueCount(page, 'target', 'kv-cache'))).toBe(withKv);

    await page.getByRole('checkbox', { name: /^KV cache \d+$/ }).check();
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${withKv} papers match the filters[.;]`));
    const ids = await listIds(page);
    const expected = records.filter((record) => (record.techniques.includes('quantization') || record.techniques.includes('pruning')) && record.targets.includes('kv-cache'));
    expect(new Set(ids)).toEqual(new Set(expected.map((record) => record.id)));
    expect(new URL(page.url()).search).toBe('?technique=quantization,pruning&target=kv-cache');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts by most upvoted and by title, and pages through long lists', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?sort=upvotes`);
    await expect.poll(() => status(page).textContent()).toContain('230 papers');
    const top = await listIds(page);
    const byUpvotes = [...records].sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1));
    expect(records.find((record) => record.id === top[0])!.upvotes).toBe(byUpvotes[0]!.upvotes);
    // The lede names the order the list is in, not the static page's default.
    expect(await page.locator('[data-list-order]').textContent()).toBe('most upvoted first');

    await page.locator('select[name="sort"]').selectOption('title');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('title');
    const byTitle = [...records].sort((a, b) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : 1)).map((record) => record.id);
    await expect.poll(() => listIds(page)).toEqual(byTitle.slice(0, LIST_PAGE_SIZE));
    expect(await page.locator('[data-list-order]').textContent()).toBe('by title');

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => status(page).textContent()).toContain(`showing ${LIST_PAGE_SIZE + 1}–${2 * LIST_PAGE_SIZE}`);
    expect(await listIds(page)).toEqual(byTitle.slice(LIST_PAGE_SIZE, 2 * LIST_PAGE_SIZE));
    await page.close();
  });
});

describe('the URL holds the whole state', () => {
  it('a copied address shows the colleague the same list, and Back and Forward step through changes', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('checkbox', { name: /^Quantization \d+$/ }).check();
    await expect.poll(() => status(page).textContent()).toContain('match the filters');
    await page.getByRole('checkbox', { name: /^2024 \d+$/ }).check();
    await expect.poll(() => page.url()).toContain('year=2024');
    await typeQuery(page, 'kv cache');
    await expect.poll(() => status(page).textContent()).toContain('match “kv cache” and the filters');
    const shared = page.url();
    const mine = await listIds(page);
    expect(mine.length).toBeGreaterThan(0);

    const colleague = await browser.newPage();
    await colleague.goto(shared);
    await expect.poll(() => status(colleague).textContent()).toBe(await status(page).textContent());
    expect(await listIds(colleague)).toEqual(mine);
    expect(await colleague.locator('#search-input').inputValue()).toBe('kv cache');
    expect(await colleague.getByRole('checkbox', { name: /^2024 \d+$/ }).isChecked()).toBe(true);
    await colleague.close();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
    await expect.poll(() => page.getByRole('checkbox', { name: /^2024 \d+$/ }).isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.has('year')).toBe(false);
    await expect.poll(() => page.getByRole('checkbox', { name: /^2024 \d+$/ }).isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => page.getByRole('checkbox', { name: /^2024 \d+$/ }).isChecked()).toBe(true);
    await page.close();
  });
});

describe('search as you type', () => {
  it.each([
    ['quantisation', (record: (typeof records)[number]) => record.techniques.includes('quantization')],
    ['kv cahce', (record: (typeof records)[number]) => record.targets.includes('kv-cache')],
    ['distilation', (record: (typeof records)[number]) => record.techniques.includes('distillation')],
    ['pruneing', (record: (typeof records)[number]) => record.techniques.includes('pruning')],
  ])('the misspelling "%s" finds the right papers', async (query, relevant) => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await typeQuery(page, query);
    const titles = await page.locator('#search-results [role="option"] .search__title').allTextContents();
    const onTopic = titles.filter((title) => relevant(records.find((record) => record.title === title)!));
    expect(onTopic.length, titles.join('\n')).toBeGreaterThanOrEqual(titles.length - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a method name finds its paper first, with the match highlighted', async () => {
    const laser = records.find((record) => record.method === 'LASER')!;
    const page = await browser.newPage();
    await page.goto(`${server.url}techniques/`);
    await typeQuery(page, 'LASER');
    const first = page.locator('#search-results [role="option"]').first();
    expect(await first.locator('.search__title').textContent()).toBe(laser.title);
    expect(await first.locator('mark').first().textContent()).toBe('LASER');
    await page.close();
  });

  it('answers a keystroke first on the page, from the results on screen, then with the complete answer', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}kinds/`);
    await typeQuery(page, 'quantization');
    const announced = await page.locator('[data-search-status]').textContent();
    await page.waitForTimeout(50);
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { seen: unknown[] }).seen = []);
      document.addEventListener('paper-search:results', (event) => {
        const { query, partial, instant } = (event as CustomEvent<{ query: string; partial: boolean; instant: boolean }>).detail;
        const titles = [...document.querySelectorAll('#search-results [role="option"] .search__title')].map((title) => title.textContent);
        seen.push({ query, partial, instant, titles, status: document.querySelector('[data-search-status]')!.textContent });
      });
    });
    type Seen = { query: string; partial: boolean; instant: boolean; titles: string[]; status: string };
    const seen = () => page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
    await page.locator('#search-input').fill('quantizaton');
    await expect.poll(async () => (await seen()).some((answer) => answer.query === 'quantizaton' && !answer.partial)).toBe(true);
    const [first, ...rest] = await seen();
    // Narrowed through the typo on the page, shown at once, and not announced: only the complete answer is.
    expect(first).toMatchObject({ query: 'quantizaton', partial: true, instant: true, status: announced });
    expect(first!.titles.length).toBeGreaterThan(0);
    expect(first!.titles.some((title) => /quantiz/i.test(title))).toBe(true);
    const complete = rest.find((answer) => !answer.partial)!;
    expect(complete.instant).toBe(false);
    expect(complete.status).toMatch(/^\d+ papers match\. 8 results listed\.$/);
    // A trailing space asks what the screen already shows: answered on the page, complete.
    await page.locator('#search-input').fill('quantizaton ');
    await expect.poll(async () => (await seen()).at(-1)).toMatchObject({ query: 'quantizaton ', partial: false, instant: true, titles: complete.titles });
    await page.close();
  });

  it('works by keyboard: / focuses, arrows move, Enter opens, Escape clears', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}kinds/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('GPTQ');
    await expect.poll(() => page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    const input = page.locator('#search-input');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-option-1');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-option-0');
    expect(await page.locator('#search-option-0').getAttribute('aria-selected')).toBe('true');
    const target = await page.locator('#search-option-0').getAttribute('data-href');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${target}`);
    expect(await page.locator('h1').textContent()).toContain('GPTQ');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('pruning');
    await expect.poll(() => page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await expect.poll(() => page.locator('[data-search-popup]').isHidden()).toBe(true);
    await page.close();
  });

  it('announces results, suggests a way out when nothing matches, and inserts text, never HTML', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}targets/`);
    await page.locator('#search-input').pressSequentially('<img src=x onerror=alert(1)>zzqx');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('No papers match');
    const empty = page.locator('[data-search-empty]');
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await empty.locator('img').count()).toBe(0);
    expect(await empty.getByRole('link', { name: 'technique' }).getAttribute('href')).toBe('/techniques/');
    await page.locator('#search-input').fill('');
    await typeQuery(page, 'quantization');
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ papers match\. 8 results listed\.$/);
    await page.close();
  });

  it('loads nothing for search until the reader starts to search', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(fetched.filter((url) => url.includes('/search/') || url.includes('worker'))).toEqual([]);
    await page.locator('#search-input').focus();
    await expect.poll(() => fetched.some((url) => url.endsWith('/meta.json'))).toBe(true);
    await page.close();
  });

  it('on the home page, the query filters the list and combines with the facets', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?kind=benchmark`);
    const benchmarks = records.filter((record) => record.kind === 'benchmark');
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${benchmarks.length} papers match the filters[.;]`));
    await typeQuery(page, 'reasoning');
    await expect.poll(() => status(page).textContent()).toContain('match “reasoning” and the filters');
    expect(await page.locator('[data-list-order]').textContent()).toBe('best match first');
    const ids = await listIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => benchmarks.some((record) => record.id === id))).toBe(true);
    await page.close();
  });

  it('an empty list says what to try instead, and shows no pager', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?q=zzqxv`);
    await expect.poll(() => status(page).textContent()).toBe('No papers match “zzqxv”. Try fewer or shorter words, or clear the search and browse with the filters.');
    expect(await listIds(page)).toEqual([]);
    expect(await page.locator('nav.pagination').isVisible()).toBe(false);
    await page.goto(`${server.url}?q=zzqxv&technique=quantization`);
    await expect.poll(() => status(page).textContent()).toBe('No papers match “zzqxv” and the filters. Untick a filter, or try fewer or shorter words.');
    await page.close();
  });

  it('the list follows the search box once the box has answered, so it never delays the popup', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.evaluate(() => {
      const log: string[] = ((window as unknown as { log: string[] }).log = []);
      document.addEventListener('paper-search:results', (event) => {
        const { query, partial } = (event as CustomEvent<{ query: string; partial: boolean }>).detail;
        if (!partial) log.push(`answer:${query}@${performance.now()}`);
      });
      document.addEventListener('paper-browse:rendered', () => log.push(`list:${new URLSearchParams(window.location.search).get('q')}`));
    });
    await page.locator('#search-input').pressSequentially('quantization');
    await expect.poll(() => status(page).textContent()).toContain('match “quantization”');
    const log = await page.evaluate(() => (window as unknown as { log: string[] }).log);
    const answeredAt = Number(log.find((entry) => entry.startsWith('answer:quantization@'))!.split('@')[1]);
    // The list's code and requests start only after the box's complete answer to the same query.
    const listCodeAt = await page.evaluate(() => performance.getEntriesByType('resource').find((entry) => entry.name.includes('browse-controller'))!.startTime);
    expect(listCodeAt).toBeGreaterThanOrEqual(answeredAt);
    expect(log.filter((entry) => entry.startsWith('list:'))).toEqual(['list:quantization']);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('facet indexes and pages are browsable: every technique page lists its papers', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('#paper-list > .paper-card').count()).toBe(230);
    expect(await page.locator('paper-search form').isHidden()).toBe(true);
    await page.getByRole('navigation', { name: 'Browse by facet' }).getByRole('link', { name: 'Techniques' }).click();
    await page.getByRole('link', { name: /^Quantization/ }).first().click();
    await page.waitForURL('**/techniques/quantization/');
    const quantized = records.filter((record) => record.techniques.includes('quantization'));
    expect(await page.locator('.paper-card').count()).toBe(quantized.length);
    await context.close();
  });
});

describe('accessibility of search states', () => {
  it.each(['light', 'dark'] as const)('axe finds no violations with results open, with nothing found, and with filters (%s)', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme });
    await page.goto(server.url);
    await typeQuery(page, 'kv cache');
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#search-input').fill('zzqxzzqx');
    await expect.poll(() => page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}?technique=quantization&year=2024`);
    await expect.poll(() => status(page).textContent()).toContain('match the filters');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('at 360 px wide, folds the filters so the first screen shows papers, and counts what is ticked', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url);
    const filters = page.locator('[data-filters]');
    await expect.poll(() => filters.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    const firstCard = page.locator('#paper-list > .paper-card').first();
    expect((await firstCard.boundingBox())!.y).toBeLessThan(740);
    await filters.locator(':scope > summary').click();
    await page.getByRole('checkbox', { name: /^Quantization \d+$/ }).check();
    await expect.poll(() => filters.locator(':scope > summary').textContent()).toBe('Filters (1 ticked)');
    // An address that ticks filters opens them, so the reader sees what narrows the list.
    await page.goto(`${server.url}?technique=quantization`);
    await expect.poll(() => filters.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => filters.locator(':scope > summary').textContent()).toBe('Filters (1 ticked)');
    await page.close();
  });

  it('is usable at 360 px wide with filters and results', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}?technique=quantization`);
    await expect.poll(() => status(page).textContent()).toContain('match the filters');
    await typeQuery(page, 'quant');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
