/** RSS feed of the newest papers, so readers can follow the catalogue in a feed reader. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { summarise } from '../lib/format.ts';
import { getPapers } from '../lib/papers.ts';
import { paperPath } from '../lib/paths.ts';

const FEED_SIZE = 50;

export async function GET(context: APIContext) {
  const papers = (await getPapers()).slice(0, FEED_SIZE);
  return rss({
    title: 'Paper Catalogue: newest compression papers',
    description: 'New papers on model and data compression: quantization, pruning, KV-cache compression, distillation, learned codecs and more.',
    site: context.site ?? 'http://localhost:4321',
    trailingSlash: true,
    items: papers.map((paper) => ({
      title: paper.method && !paper.title.startsWith(paper.method) ? `${paper.method}: ${paper.title}` : paper.title,
      link: paperPath(paper.id),
      description: summarise(paper.abstract, 400),
      ...(paper.published && { pubDate: new Date(`${paper.published}T00:00:00Z`) }),
    })),
  });
}
