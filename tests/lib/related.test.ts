import { beforeAll, describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../src/lib/paper-order.ts';
import { RELATED_PAPERS, relatedPapers } from '../../src/lib/related.ts';
import type { PaperRecord } from '../../src/lib/schema.ts';
import { realRecords } from '../helpers/records.ts';

let records: PaperRecord[];
let related: Map<string, PaperRecord[]>;
beforeAll(async () => {
  records = await realRecords();
  related = relatedPapers(records);
});

const sharedIds = (a: PaperRecord, b: PaperRecord) =>
  a.techniques.filter((id) => b.techniques.includes(id)).length + a.targets.filter((id) => b.targets.includes(id)).length;

describe('related papers', () => {
  it('offer every paper with a technique or target others share up to five others, never itself', () => {
    for (const paper of records) {
      const list = related.get(paper.id)!;
      expect(list.length).toBeLessThanOrEqual(RELATED_PAPERS);
      expect(list.some((other) => other.id === paper.id)).toBe(false);
      expect(new Set(list.map((other) => other.id)).size).toBe(list.length);
    }
    // Every paper some other paper shares an id with has related papers.
    for (const paper of records) {
      const anyShared = records.some((other) => other !== paper && sharedIds(paper, other) > 0);
      expect(related.get(paper.id)!.length > 0, paper.title).toBe(anyShared);
    }
  });

  it('share the paper\u2019s techniques and targets, those sharing more first, then newest', () => {
    for (const paper of records) {
      const list = related.get(paper.id)!;
      for (const other of list) expect(sharedIds(paper, other), `${paper.title} -> ${other.title}`).toBeGreaterThan(0);
      for (let i = 1; i < list.length; i++) {
        const [before, after] = [list[i - 1]!, list[i]!];
        const order = sharedIds(paper, before) - sharedIds(paper, after) || -compareNewestFirst(before, after);
        expect(order, `${paper.title}: ${before.title} before ${after.title}`).toBeGreaterThan(0);
      }
    }
  });

  it('for a KV-cache quantization paper, are KV-cache quantization papers', () => {
    const kivi = records.find((paper) => paper.techniques.includes('quantization') && paper.targets.includes('kv-cache'))!;
    const list = related.get(kivi.id)!;
    expect(list).toHaveLength(RELATED_PAPERS);
    for (const other of list) expect(other.techniques.includes('quantization') && other.targets.includes('kv-cache'), other.title).toBe(true);
  });

  it('leave a paper with neither technique nor target without related papers', () => {
    const bare = { ...records[0]!, id: 'bare', techniques: [], targets: [] };
    expect(relatedPapers([...records, bare]).get('bare')).toEqual([]);
  });
});
