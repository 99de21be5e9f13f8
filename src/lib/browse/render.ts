/**
 * DOM for paper cards and highlighted text, built in the browser. Digest text
 * is always inserted as text nodes, never parsed as HTML. Mirrors
 * PaperCard.astro so a card looks the same whether the server or the browser drew it.
 */
import { formatDate, plural } from '../format.ts';
import { facetPath, paperPath } from '../paths.ts';
import type { Fragment } from '../search/search-document.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `text` with the `[start, end]` ranges wrapped in <mark>. */
export function highlighted(text: string, ranges: readonly [number, number][] = []): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) out.append(text.slice(at, start));
    out.append(element('mark', undefined, text.slice(start, end + 1)));
    at = end + 1;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}

export interface CardOptions {
  techniqueLabel: (id: string) => string;
  highlights?: { title: [number, number][]; method: [number, number][] };
}

export function paperCard(paper: Fragment, { techniqueLabel, highlights }: CardOptions): HTMLLIElement {
  const card = element('li', 'paper-card');
  card.dataset.id = paper.id;
  const heading = element('h3', 'paper-card__title');
  const link = element('a');
  link.href = paperPath(paper.id);
  if (paper.method && !paper.title.startsWith(paper.method)) {
    const method = element('span', 'paper-card__method');
    method.append(highlighted(paper.method, highlights?.method));
    link.append(method);
  }
  link.append(highlighted(paper.title, highlights?.title));
  heading.append(link);
  card.append(heading);

  const meta = element('p', 'paper-card__meta');
  const date = element('span');
  if (paper.published) {
    const time = element('time', undefined, formatDate(paper.published));
    time.dateTime = paper.published;
    date.append(time);
  } else date.textContent = 'date unknown';
  meta.append(date);
  if (paper.upvotes !== null) meta.append(element('span', undefined, plural(paper.upvotes, 'upvote')));
  if (paper.org) meta.append(element('span', undefined, paper.org));
  else if (paper.authors !== null) meta.append(element('span', undefined, plural(paper.authors, 'author')));
  if (paper.code) meta.append(element('span', undefined, 'code'));
  card.append(meta);

  if (paper.techniques.length > 0) {
    const chips = element('ul', 'chips');
    chips.setAttribute('aria-label', 'Techniques');
    for (const id of paper.techniques) {
      const item = element('li');
      const chip = element('a', 'chip', techniqueLabel(id));
      chip.href = facetPath('techniques', id);
      item.append(chip);
      chips.append(item);
    }
    card.append(chips);
  }
  return card;
}
