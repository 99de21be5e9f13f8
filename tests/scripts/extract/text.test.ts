import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../scripts/ingest/clean-text.ts';
import { extractClaims } from '../../../scripts/ingest/extract/claims.ts';
import { extractFields } from '../../../scripts/ingest/extract/index.ts';
import { splitSentences } from '../../../scripts/ingest/extract/sentences.ts';
import { extractLinks } from '../../../scripts/ingest/links.ts';

describe('cleanText', () => {
  it('resolves escapes, accents and inline math', () => {
    expect(cleanText('reduces length by 11.1\\% to 39.0\\% with G\\"odel and $4\\times$ fewer bits, $\\sim$2x').text).toBe('reduces length by 11.1% to 39.0% with Gödel and 4× fewer bits, ~2x');
  });

  it('replaces an undefined macro with the method name, or flags it', () => {
    const named = extractFields('TRAAC: Adaptive Compression', 'We propose TRAAC. \\modelname improves accuracy by 8.4%.');
    expect(named.abstract).toBe('We propose TRAAC. TRAAC improves accuracy by 8.4%.');
    const unnamed = extractFields('Stacked from One', 'Trained on 8K tokens, \\modelname generalises.');
    expect(unnamed.flags[0]).toMatch(/undefined macro \\modelname and no method name/);
  });
});

describe('splitSentences and extractClaims', () => {
  it('keep e.g., decimals and versions inside sentences', () => {
    expect(splitSentences('We use e.g. H.264 at 1.5x. It works.')).toEqual(['We use e.g. H.264 at 1.5x.', 'It works.']);
  });

  it('take 1-3 abstract sentences with the contribution and headline results, in order', () => {
    const claims = extractClaims('LLMs are large. We propose GPTQ, a one-shot quantization method. It is simple. GPTQ quantizes to 3 bits with 3.25x speedup. Code is online.');
    expect(claims).toEqual(['We propose GPTQ, a one-shot quantization method.', 'GPTQ quantizes to 3 bits with 3.25x speedup.']);
  });
});

describe('extractLinks', () => {
  it('normalises and classifies every URL', () => {
    const links = extractLinks('Code: github.com/mts-ai/ROCKET/tree/main. Models at https://huggingface.co/collections/kyutai/arc-encoders and https://huggingface.co/datasets/x/y, page https://ut-sysml.org/walloc, repo https://github.com/a/b.git.');
    expect(links).toEqual([
      { url: 'https://github.com/mts-ai/ROCKET/tree/main', kind: 'code' },
      { url: 'https://huggingface.co/collections/kyutai/arc-encoders', kind: 'model' },
      { url: 'https://huggingface.co/datasets/x/y', kind: 'dataset' },
      { url: 'https://ut-sysml.org/walloc', kind: 'project' },
      { url: 'https://github.com/a/b', kind: 'code' },
    ]);
  });
});
