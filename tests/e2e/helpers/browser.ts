/**
 * Headless Debian Chromium driven by playwright-core (no browser downloads
 * here), plus the built site served as a host would serve it.
 */
import { createRequire } from 'node:module';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type StaticServer, startServer } from '../../../scripts/lib/static-server.ts';
import type { BuiltSite } from '../../setup/built-sites.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a sandboxed CI machine with a closed network. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export function serveSite(site: BuiltSite): Promise<StaticServer> {
  return startServer({ root: site.dist, base: site.base });
}

/** Collects console errors and uncaught page errors, which a page must never have. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page and returns its violations, formatted for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')})`);
  });
  return violations;
}
