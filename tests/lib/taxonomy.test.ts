import { describe, expect, it } from 'vitest';
import taxonomyJson from '../../content/taxonomy.json' with { type: 'json' };
import { Taxonomy } from '../../src/lib/taxonomy.ts';

/** The file as plain data, for edits the tests make to it. */
const copy = () => structuredClone(taxonomyJson) as unknown as Record<'techniques' | 'targets', Record<string, unknown>[]>;

const messages = (value: unknown) => {
  const result = Taxonomy.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the taxonomy data file', () => {
  it('is valid as bundled', () => {
    expect(messages(taxonomyJson)).toEqual([]);
  });

  it('rejects a usual target that is not a target id, naming the technique', () => {
    const edited = copy();
    edited.techniques[0]!.usualTargets = ['weights', 'kv-caches'];
    expect(messages(edited)).toEqual(['quantization: usual target "kv-caches" is not a target id']);
  });

  it('rejects usual targets on a target, where nothing would read them', () => {
    const edited = copy();
    edited.targets[0]!.usualTargets = ['kv-cache'];
    expect(messages(edited)).toEqual(['weights: only techniques have usual targets']);
  });

  it('rejects an id or alias used twice in one facet', () => {
    const edited = copy();
    edited.targets[1]!.aliases = ['weights'];
    expect(messages(edited)).toEqual(['duplicate id or alias "weights"']);
  });
});
