import { describe, expect, it } from 'vitest';
import { indexWords, innerTerms, queryParts, querySpacing, queryTokens } from '../../../src/lib/search/tokenize.ts';

const tokenize = (text: string) => indexWords(text).words;
const wordPairs = (text: string) => indexWords(text).pairs;

describe('indexWords: words', () => {
  it('folds case and accents, drops stopwords and one-letter words', () => {
    expect(tokenize('Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs')).toEqual(['model', 'tells', 'you', 'what', 'discard', 'adaptive', 'kv', 'cache', 'compression', 'llms']);
    expect(tokenize('Schrödinger a b')).toEqual(['schrodinger']);
  });
});

describe('indexWords: pairs', () => {
  it('pairs adjacent index words and says whether one space joins them, as Fuse sees a phrase', () => {
    expect(wordPairs('Adaptive KV Cache Compression')).toEqual([
      { left: 'adaptive', right: 'kv', spaced: true },
      { left: 'kv', right: 'cache', spaced: true },
      { left: 'cache', right: 'compression', spaced: true },
    ]);
    // A hyphen, a colon or a dropped stopword between them is not the phrase "kv cache".
    expect(wordPairs('KV-Cache')).toEqual([{ left: 'kv', right: 'cache', spaced: false }]);
    expect(wordPairs('QMoE: Practical Sub-1-Bit Compression')).toEqual([
      { left: 'qmoe', right: 'practical', spaced: false },
      { left: 'practical', right: 'sub', spaced: true },
      { left: 'sub', right: 'bit', spaced: false },
      { left: 'bit', right: 'compression', spaced: true },
    ]);
    expect(wordPairs('Compression for LLMs')).toEqual([{ left: 'compression', right: 'llms', spaced: false }]);
  });
});

describe('querySpacing', () => {
  it('gives one flag per query word: is it joined to the next by a single space', () => {
    expect(queryTokens('kv cache')).toHaveLength(querySpacing('kv cache').length);
    expect(querySpacing('kv cache')).toEqual([true, false]);
    expect(querySpacing(' kv-cache ')).toEqual([false, false]);
    expect(querySpacing('low  rank, pruning')).toEqual([false, false, false]);
    expect(querySpacing('-kv cache!')).toEqual([true, false]);
  });
});

describe('innerTerms', () => {
  it('yields the inner parts of compound names, each running to the end of the name', () => {
    expect(innerTerms('SelfBudgeter')).toEqual(['budgeter', 'fbudgeter']);
    expect(innerTerms('LongCodeZip')).toEqual(['codezip', 'gcodezip', 'zip', 'ezip']);
    expect(innerTerms('LLMLingua-2 and SqueezeLLM')).toEqual(['lingua', 'mlingua', 'llm', 'ellm']);
    expect(innerTerms('KV-AdaQuant')).toEqual(['quant', 'aquant']);
  });

  it('also yields each part with the letter before it, as Fuse credits a typed letter before the part', () => {
    // Fuse finds `hquant` in SmoothQuant with no edit, and `RaDistPact` one edit from AdaDistPact.
    expect(innerTerms('SmoothQuant')).toEqual(['quant', 'hquant']);
    expect(innerTerms('AdaDistPact')).toEqual(['distpact', 'adistpact', 'pact', 'tpact']);
  });

  it('adds no part that starts like the name or a part before it: a field counts once under a prefix', () => {
    expect(innerTerms('PruneVecPrune')).toEqual(['vecprune', 'evecprune', 'cprune']);
    expect(innerTerms('TriPrunePrune')).toEqual(['pruneprune', 'ipruneprune', 'eprune']);
  });

  it('leaves plain words, capitalised words and all-capital acronyms alone', () => {
    expect(innerTerms('Model Compression and GPTQ at 4-bit')).toEqual([]);
  });

  it('takes every ending of four or more letters of an all-capital name, whose parts are unmarked', () => {
    // Real names from the seed digests: Fuse finds "adam" in MICROADAM and "comp" in RECOMP.
    expect(innerTerms('MICROADAM')).toEqual(['icroadam', 'croadam', 'roadam', 'oadam', 'adam']);
    expect(innerTerms('RECOMP: Improving Retrieval')).toEqual(['ecomp', 'comp']);
    expect(innerTerms('KVQUANT')).toEqual(['vquant', 'quant', 'uant']);
  });

  it('keeps only the endings of an all-capital name that the index says start a word', () => {
    const words = ['distillation', 'quantization'];
    expect(innerTerms('QUANDISTILL', (ending) => words.some((word) => word.startsWith(ending)))).toEqual(['distill', 'ndistill']);
  });
});

describe('queryParts', () => {
  const maxDropped = (length: number) => Math.floor(length * 0.3) + 1;

  it('cuts a query word typed as a compound name as the index cuts names, keeping parts that drop few letters', () => {
    expect(queryParts('RaPruneXi', maxDropped)).toEqual([
      [
        { part: 'prunexi', dropped: 2, typos: true },
        { part: 'rprunexi', dropped: 1, typos: false },
        { part: 'aprunexi', dropped: 1, typos: false },
      ],
    ]);
    // Twelve letters allow four dropped: the endings down to `sparwave`, not `wave`.
    expect(queryParts('FOLDSPARWAVE', maxDropped)[0]!.map(({ part }) => part)).toEqual(['oldsparwave', 'ldsparwave', 'dsparwave', 'sparwave']);
  });

  it('yields no part for a word typed in lower case or only capitalised, one list per word', () => {
    expect(queryParts('raprunexi Pruning kv cache', maxDropped)).toEqual([[], [], [], []]);
    expect(queryParts('kv-cache AdaQuant', maxDropped)).toEqual([
      [],
      [],
      [
        { part: 'quant', dropped: 3, typos: true },
        { part: 'aquant', dropped: 2, typos: false },
        { part: 'dquant', dropped: 2, typos: false },
      ],
    ]);
  });
});
