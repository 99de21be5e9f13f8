/**
 * Papers to read next, for a paper's own page: those sharing most of its
 * techniques and targets, newest first among equals, drawn from the newest
 * papers of each (technique, target) pair and of each id alone. Built once for
 * the whole catalogue from those lists, so each paper weighs a few dozen
 * candidates, not every paper (at 100k too).
 */
import { compareNewestFirst } from './paper-order.ts';
import type { PaperRecord } from './schema.ts';

/** Related papers shown per page. */
export const RELATED_PAPERS = 5;

type Related = Pick<PaperRecord, 'id' | 'title' | 'published' | 'techniques' | 'targets'>;

/**
 * The lists a paper is filed under: each of its (technique, target) pairs, and each technique
 * and target alone, so a paper with a rare pair still finds papers on its technique.
 */
function listKeys(paper: Related): string[] {
  const pairs = paper.techniques.flatMap((technique) => paper.targets.map((target) => `${technique}\u0000${target}`));
  return [...pairs, ...paper.techniques.map((id) => `${id}\u0000`), ...paper.targets.map((id) => `\u0000${id}`)];
}

const shared = (a: Related, b: Related) =>
  a.techniques.filter((id) => b.techniques.includes(id)).length + a.targets.filter((id) => b.targets.includes(id)).length;

/** Paper id -> up to `limit` related papers, best first. A paper with no technique and no target has none. */
export function relatedPapers<P extends Related>(papers: readonly P[], limit = RELATED_PAPERS): Map<string, P[]> {
  const newest = [...papers].sort(compareNewestFirst);
  const rank = new Map(newest.map((paper, i) => [paper.id, i]));
  const byList = new Map<string, P[]>();
  for (const paper of newest) {
    for (const key of listKeys(paper)) {
      let list = byList.get(key);
      if (!list) byList.set(key, (list = []));
      list.push(paper);
    }
  }
  const related = new Map<string, P[]>();
  for (const paper of newest) {
    // Each list is newest first: its first few papers other than this one are its best from that list.
    const candidates = new Set<P>();
    for (const key of listKeys(paper)) {
      let taken = 0;
      for (const other of byList.get(key)!) {
        if (taken === limit) break;
        if (other === paper || candidates.has(other)) continue;
        candidates.add(other);
        taken++;
      }
    }
    const best = [...candidates].sort((a, b) => shared(paper, b) - shared(paper, a) || rank.get(a.id)! - rank.get(b.id)!);
    related.set(paper.id, best.slice(0, limit));
  }
  return related;
}
