import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
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

describe('in Chromium', () => {
  it('the home page lists all 230 papers without console errors', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('#paper-list > .paper-card').count()).toBe(230);
    expect(await page.locator('[data-count="papers"]').textContent()).toBe('230 papers');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a paper page shows its fields and links, reached by clicking its card', async () => {
    const laser = records.find((record) => record.title.startsWith('Learn to Reason Efficiently'))!;
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.getByRole('link', { name: laser.title }).click();
    await page.waitForURL(`**/papers/${laser.id}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(laser.title);
    const text = await page.locator('main').innerText();
    if (laser.method) expect(text).toContain(`Method: ${laser.method}`);
    expect(text).toContain('8 authors');
    expect(text).toContain('May 21, 2025');
    expect(text).toContain('RL-driven compression');
    expect(text).toContain(laser.claims[0]!);
    const code = page.getByRole('link', { name: /github\.com\/hkust-nlp\/Laser/ });
    expect(await code.getAttribute('href')).toBe('https://github.com/hkust-nlp/Laser');
    expect(await code.getAttribute('rel')).toContain('noopener');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unknown addresses get the 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}papers/no-such-paper/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.close();
  });

  it.each([
    ['home', ''],
    ['paper', `papers/${records.find((record) => record.numbers.length > 0 && record.links.length > 0)!.id}/`],
    ['technique index', 'techniques/'],
    ['technique page', 'techniques/quantization/'],
    ['404', 'papers/no-such-paper/'],
  ])('axe finds no accessibility violations on the %s page, light and dark', async (_, route) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${server.url}${route}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('is usable at 360 px wide: no horizontal scrolling on home and paper pages', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const route of ['', `papers/${records[0]!.id}/`]) {
      await page.goto(`${server.url}${route}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});
