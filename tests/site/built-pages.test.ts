import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { attributeUrls, builtRecords, htmlFiles, readPage, resolvesInSite } from '../helpers/site.ts';

const sites = inject('sites');

describe('home page', () => {
  const html = readPage(sites.default, '/');
  const records = builtRecords(sites.default);

  it('lists every paper, newest first, with the catalogue counts', () => {
    const ids = [...html.matchAll(/<li class="paper-card" data-id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(230);
    expect(ids).toEqual(records.map((record) => record.id));
    expect(html).toMatch(/<span data-count="papers">230 papers<\/span> from <span data-count="digests">4 digests<\/span>/);
  });

  it('shows method, technique chips, date and authors or organisation on cards', () => {
    const rocket = records.find((record) => record.title.startsWith('ROCKET'))!;
    const card = html.slice(html.indexOf(`data-id="${rocket.id}"`), html.indexOf('</li>', html.indexOf(`data-id="${rocket.id}"`) + 1) + 200);
    expect(card).toContain('MWS AI');
    expect(card).toContain('datetime="2026-02-11"');
  });
});

describe('paper pages', () => {
  const records = builtRecords(sites.default);

  it('exist for every record at /papers/<id>/ with preview tags', () => {
    for (const record of records) {
      const html = readPage(sites.default, `/papers/${record.id}/`);
      const canonical = `http://localhost:4321/papers/${record.id}/`;
      expect(html).toContain(`<link rel="canonical" href="${canonical}">`);
      expect(html).toContain(`<meta property="og:url" content="${canonical}">`);
      expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html).toMatch(/<meta name="description" content="[^"]{20,}">/);
      expect(html).toMatch(/<title>[^<]+ · Paper Catalogue<\/title>/);
    }
  });

  it('show the fields of the record, links opening safely, and its sources', () => {
    const laser = records.find((record) => record.title.startsWith('Learn to Reason Efficiently'))!;
    const html = readPage(sites.default, `/papers/${laser.id}/`);
    expect(html).toContain('Learn to Reason Efficiently with Adaptive Length-based Reward Shaping');
    expect(html).toContain('href="https://github.com/hkust-nlp/Laser" rel="noopener noreferrer nofollow" target="_blank"');
    expect(html).toContain('/techniques/reinforcement-learning/');
    for (const source of laser.sources) expect(html).toContain(`<code>${source.digest}</code>, line ${source.line}`);
  });

  it('link to related papers that share a technique or target, each to its built page', () => {
    const withRelated = records.filter((record) => readPage(sites.default, `/papers/${record.id}/`).includes('id="related-heading"'));
    const sharesAnId = records.filter((record) => records.some((other) => other !== record && [...other.techniques, ...other.targets].some((id) => [...record.techniques, ...record.targets].includes(id))));
    expect(withRelated.map((record) => record.id)).toEqual(sharesAnId.map((record) => record.id));
    for (const record of withRelated) {
      const html = readPage(sites.default, `/papers/${record.id}/`);
      const section = html.slice(html.indexOf('id="related-heading"'), html.indexOf('</section>', html.indexOf('id="related-heading"')));
      const ids = [...section.matchAll(/href="\/papers\/([^/"]+)\/"/g)].map((match) => match[1]);
      expect(ids.length, record.title).toBeGreaterThan(0);
      for (const id of ids) {
        const other = records.find((candidate) => candidate.id === id)!;
        expect(id).not.toBe(record.id);
        expect([...other.techniques.filter((t) => record.techniques.includes(t)), ...other.targets.filter((t) => record.targets.includes(t))].length, `${record.title} -> ${other.title}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('under BASE_PATH=/catalogue/', () => {
  const files = htmlFiles(sites.subpath.dist);

  it('every internal link and asset resolves inside the sub-path', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const url of attributeUrls(readFileSync(file, 'utf8'))) {
        if (/^(https?:)?\/\//.test(url) || url.startsWith('#')) continue;
        if (!resolvesInSite(sites.subpath, url)) broken.push(`${file}: ${url}`);
      }
    }
    expect(files.length).toBeGreaterThan(230);
    expect(broken).toEqual([]);
  });

  it('uses SITE_URL and the base path in canonical URLs', () => {
    const html = readPage(sites.subpath, '/');
    expect(html).toContain('<link rel="canonical" href="https://papers.example.org/catalogue/">');
  });
});

describe('feeds', () => {
  it('the RSS feed lists the 50 newest papers with absolute links under the base path', () => {
    const feed = readFileSync(`${sites.subpath.dist}/rss.xml`, 'utf8');
    const links = [...feed.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((match) => match[1]);
    const newest = builtRecords(sites.subpath).slice(0, 50);
    expect(links).toEqual(newest.map((record) => `https://papers.example.org/catalogue/papers/${record.id}/`));
  });
});

describe('digest text is data', () => {
  const records = builtRecords(sites.subpath);
  const hostile = records.find((record) => record.title.includes('TinyQ'))!;
  const html = readPage(sites.subpath, `/papers/${hostile.id}/`);

  // Inside a quoted attribute only `"` and `&` need escaping, so look at the markup outside attribute values.
  const markup = (page: string) => page.replace(/="[^"]*"/g, '=""');

  it('is escaped everywhere it appears', () => {
    expect(hostile.title).toContain('<script>');
    expect(markup(html)).not.toMatch(/<script>alert|<img src=x|<b>Everything/);
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; TinyQ');
    expect(html).not.toMatch(/="[^"]*"[a-z]/);
    expect(markup(readPage(sites.subpath, '/'))).not.toMatch(/<script>alert|<b>Everything/);
  });

  it('only turns http(s) URLs into links', () => {
    const hrefs = attributeUrls(html);
    expect(hrefs).toContain('https://github.com/example/tinyq');
    expect(hrefs.filter((url) => /^(javascript|data):/i.test(url))).toEqual([]);
  });
});

describe('valid HTML', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const records = builtRecords(sites.default);
  const routes = ['/', `/papers/${records[0]!.id}/`, `/papers/${records.find((record) => record.numbers.length > 0)!.id}/`, '/techniques/', '/techniques/quantization/', '/kinds/survey/'];

  it.each(routes)('%s passes html-validate', async (route) => {
    const report = await validator.validateString(readPage(sites.default, route));
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
    expect(messages).toEqual([]);
  });

  it('the 404 page passes too', async () => {
    const report = await validator.validateString(readFileSync(`${sites.default.dist}/404.html`, 'utf8'));
    expect(report.valid).toBe(true);
  });
});
