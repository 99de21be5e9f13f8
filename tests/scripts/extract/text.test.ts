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

  it('restores × where the capture dropped the backslash and dollars of $N\\times$', () => {
    // Stacked from One (digest 003) and Text4Seg (digest 000) as captured.
    expect(cleanText('yield notable inference speedups (2times over streaming and 3times over encoder-decoder architectures).').text).toBe(
      'yield notable inference speedups (2× over streaming and 3× over encoder-decoder architectures).',
    );
    expect(cleanText('representing an image with 16times16 semantic descriptors, 43times/31times compression').text).toBe('representing an image with 16×16 semantic descriptors, 43×/31× compression');
    // The English word stays, spaced from its number or inside a word.
    expect(cleanText('14.54 times faster, sometimes, at times2').text).toBe('14.54 times faster, sometimes, at times2');
  });

  it('names the method behind \\modelname from the sentence that makes it the subject', () => {
    // Stacked from One (digest 003): the contribution is written as the macro, the name appears later.
    const fields = extractFields(
      'Stacked from One: Multi-Scale Self-Injection for Context Window Extension',
      'To address this challenge, we propose \\modelname, a novel framework based on multi-grained context compression. SharedLLM comprises two stacked short-context LLMs. Despite being trained on sequences of only 8K tokens, \\modelname effectively generalizes.',
    );
    expect(fields.method).toBe('SharedLLM');
    expect(fields.abstract).not.toContain('\\modelname');
    expect(fields.abstract).toContain('we propose SharedLLM, a novel framework');
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
