/** Assigns taxonomy ids from the signals in `content/taxonomy.json`: title hits weigh more than abstract hits. */
import { type Taxonomy, TaxonomyTerm, taxonomy } from '../../../src/lib/taxonomy.ts';
import { splitSentences } from './sentences.ts';

const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
const THRESHOLD = 2;
/** A technique's score that suffices when the paper names one of its usual targets: one abstract mention. */
const USUAL_TARGET_THRESHOLD = 1;

/**
 * How a signal may sit after a hyphen. A target word there is still what the
 * compound names ("Low-Communication", "Key-Value"); a technique word there is
 * usually a qualifier ("near-lossless" is not lossless coding).
 */
export type HyphenRule = 'word-after-hyphen' | 'word-start-only';

function signalPattern(signal: string, hyphen: HyphenRule): RegExp {
  const escaped = signal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = escaped.endsWith('\\*') ? `${escaped.slice(0, -2)}[\\w-]*` : escaped;
  const before = hyphen === 'word-after-hyphen' ? '(?<![\\w])' : '(?<![\\w-])';
  return new RegExp(`${before}${body}(?![\\w])`, 'gi');
}

const patternCache = new Map<string, RegExp>();
function countSignal(text: string, signal: string, hyphen: HyphenRule): number {
  const key = `${hyphen}:${signal}`;
  let pattern = patternCache.get(key);
  if (!pattern) patternCache.set(key, (pattern = signalPattern(signal, hyphen)));
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

export function scoreTerm(term: TaxonomyTerm, title: string, abstract: string, hyphen: HyphenRule = 'word-start-only'): number {
  if (term.requires.length > 0 && !term.requires.some((word) => countSignal(title, word, hyphen) + countSignal(abstract, word, hyphen) > 0)) return 0;
  let score = 0;
  for (const signal of term.signals) {
    score += TITLE_WEIGHT * Math.min(countSignal(title, signal, hyphen), 1) + ABSTRACT_WEIGHT * Math.min(countSignal(abstract, signal, hyphen), 2);
  }
  return score;
}

function rank(
  terms: TaxonomyTerm[],
  title: string,
  abstract: string,
  hyphen: HyphenRule = 'word-start-only',
  threshold: (term: TaxonomyTerm) => number = () => THRESHOLD,
): { id: string; score: number }[] {
  return aboveThreshold(scoreAll(terms, title, abstract, hyphen), threshold);
}

/** The terms that reach their threshold, best first. */
function aboveThreshold(scores: { term: TaxonomyTerm; score: number }[], threshold: (term: TaxonomyTerm) => number): { id: string; score: number }[] {
  return scores
    .filter(({ term, score }) => score >= threshold(term))
    .map(({ term, score }) => ({ id: term.id, score }))
    .sort((a, b) => b.score - a.score);
}

/** Every term with its score, above the threshold or not. */
function scoreAll(terms: TaxonomyTerm[], title: string, abstract: string, hyphen: HyphenRule): { term: TaxonomyTerm; score: number }[] {
  return terms.map((term) => ({ term, score: scoreTerm(term, title, abstract, hyphen) }));
}

/**
 * A technique the abstract names only to set the paper apart from it or beside
 * it ("unlike quantization, ...", "compatible with pruning methods such as
 * SparseGPT, ...") is not the paper's technique: such a phrase, to the end of
 * its clause, is left out when techniques are scored.
 */
const ASIDE = /\b(?:unlike|compatible with|integrated with|orthogonal to|complementary to|combined with|on top of)\b[^,.;]*/gi;

/**
 * Low-rank adaptation (LoRA) fine-tunes a model through small low-rank
 * adapters; it makes nothing smaller. A paper that uses it to recover accuracy
 * after pruning, or to tune a compressed model, does not compress by low-rank
 * factorisation, so the phrase is left out when techniques are scored.
 */
const FINE_TUNING_ADAPTERS = /\b(?:low-rank adaptation|lora)\b/gi;

/** Words that make what follows them about other people's work, or examples of a field. */
const BACKGROUND = /\b(?:existing|previous|prior|conventional|traditional|recent (?:work|works|methods|approaches|studies)|such as|e\.g\.|like)\b/i;
const NEGATED = /\b(?:no|not|without|never)\b/i;
/** A list item: up to four plain words ("model quantization", "knowledge distillation techniques"). */
const ITEM = String.raw`(?:[\w-]+\s+){0,3}[\w-]+`;
const WHOLE_ITEM = new RegExp(`^${ITEM}$`);
const ITEM_AT_END = new RegExp(`${ITEM}$`);
const ITEM_AT_START = new RegExp(`^${ITEM}`);

/**
 * The coordinated lists of a sentence, "sparse attention, model quantization,
 * and speculative sampling", each with where it ends: items of plain words
 * separated by commas, the last after "and" or "or". Found by walking back from
 * each conjunction, in linear time (one regular expression for the whole list
 * backtracks badly on long sentences).
 */
function listsIn(sentence: string): { list: string; end: number }[] {
  const lists: { list: string; end: number }[] = [];
  for (const conjunction of sentence.matchAll(/,?\s+(?:and|or)\s+/g)) {
    const segments = sentence.slice(0, conjunction.index).split(/,\s+/);
    const items: string[] = [];
    while (segments.length > 0) {
      const segment = segments.pop()!;
      const item = ITEM_AT_END.exec(segment)?.[0];
      if (!item) break;
      items.unshift(item);
      if (!WHOLE_ITEM.test(segment)) break;
    }
    const rest = sentence.slice(conjunction.index + conjunction[0].length);
    const next = ITEM_AT_START.exec(rest)?.[0];
    if (items.length === 0 || !next) continue;
    lists.push({ list: [...items, next].join(', '), end: conjunction.index + conjunction[0].length + next.length });
  }
  return lists;
}

/**
 * Techniques the paper lists together with one it has: "CPM.cu integrates sparse
 * attention, model quantization, and speculative sampling" makes quantization and
 * speculative decoding the paper's, though each is named once. Lists after
 * words about other work ("recent work compresses the cache through quantization,
 * pruning or merging") and negated lists ("requiring no pruning or quantization")
 * add nothing. `mentioned` are the techniques the paper names at all.
 */
function listedAlongside(techniques: string[], abstract: string, mentioned: TaxonomyTerm[]): string[] {
  if (techniques.length === 0 || mentioned.every((term) => techniques.includes(term.id))) return techniques;
  const found = [...techniques];
  for (const sentence of splitSentences(abstract)) {
    for (const { list, end } of listsIn(sentence)) {
      // "... outperforms prior methods" after the list does not make the list background.
      if (NEGATED.test(list) || BACKGROUND.test(sentence.slice(0, end))) continue;
      const ids = mentioned.filter((term) => scoreTerm(term, '', list) > 0).map((term) => term.id);
      if (ids.length < 2 || !ids.some((id) => found.includes(id))) continue;
      for (const id of ids) if (!found.includes(id)) found.push(id);
    }
  }
  return found;
}

/** Techniques that, with no target named, compress the model's own parameters. */
const WEIGHT_TECHNIQUES = new Set(['quantization', 'pruning', 'low-rank', 'sharing-merging']);

/** Words that say a KV-cache paper works on long inputs, not that it compresses the prompt. */
const CONTEXT_SETTING = new Set(['long context', 'long-context', 'context window']);

/**
 * Targets a reader would expect beyond the literal signals. Pruning or
 * quantizing "language models" compresses their weights, unless it is tokens
 * being pruned. And when the title names another target, "layers" or
 * "parameters" in the abstract say where that compression happens (per-layer
 * KV budgets, per-parameter gradients), not that weights are compressed too.
 * Likewise, with the KV cache in the title, "long-context" is the setting.
 */
function withImpliedTargets(ranked: { id: string; score: number }[], techniques: string[], targetTerms: TaxonomyTerm[], title: string, abstract: string): string[] {
  let ids = ranked.map((entry) => entry.id);
  if (ids.length === 0) {
    const compressesWeights = techniques.some((id) => WEIGHT_TECHNIQUES.has(id)) && !techniques.includes('token-selection');
    return compressesWeights ? ['weights'] : [];
  }
  const inTitle = (id: string) => {
    const term = targetTerms.find((candidate) => candidate.id === id);
    return term !== undefined && scoreTerm(term, title, '', 'word-after-hyphen') > 0;
  };
  const context = targetTerms.find((term) => term.id === 'context');
  if (context && ids.includes('context') && inTitle('kv-cache')) {
    const beyondSetting = { ...context, signals: context.signals.filter((signal) => !CONTEXT_SETTING.has(signal)) };
    if (scoreTerm(beyondSetting, title, abstract, 'word-after-hyphen') < THRESHOLD) ids = ids.filter((id) => id !== 'context');
  }
  if (ids.includes('weights') && !inTitle('weights') && ids.some((id) => id !== 'weights' && inTitle(id))) {
    return ids.filter((id) => id !== 'weights');
  }
  return ids;
}

const CONTRIBUTED_KIND = /\b(?:we|this (?:paper|work|report)) (?:introduces?|presents?|proposes?|releases?|constructs?|builds?|curates?|develops?)\s+(?:[^.;]{0,60}?[\s(])?(benchmark|dataset|corpus|toolkit|library|test)s?\b/i;
const KIND_OF_NOUN: Record<string, string> = {
  benchmark: 'benchmark',
  test: 'benchmark',
  dataset: 'dataset',
  corpu: 'dataset',
  corpus: 'dataset',
  toolkit: 'toolkit',
  library: 'toolkit',
};
/** "This paper introduces MiniCPM4, a highly efficient large language model": a named model release. */
const MODEL_RELEASE = /\b(?:[Ww]e|[Tt]his (?:paper|report|work)) introduces?\s+[A-Z][\w.+-]*\d[\w.+-]*,\s+an?\s+(?:[\w-]+\s+){0,4}(?:large\s+)?language model\b/;
/** Stands in for a taxonomy without a `method` kind: nothing in the abstract signals a method. */
const NO_METHOD_SIGNALS = TaxonomyTerm.parse({ id: 'method', label: 'Method', description: 'A new method.' });
/** A title that ends on what the paper contributes: `... with a Large-Scale Verified Dataset`. */
const TITLE_NOUN = /\b(dataset|benchmark|toolkit|corpus)$/i;

/**
 * Exactly one kind. A kind other than `method` needs its signal in the title,
 * or, when the paper names no method of its own, in the abstract; otherwise
 * the paper proposes a method.
 */
export function classify(title: string, abstract: string, terms: Taxonomy = taxonomy, method: string | null = null) {
  const named = rank(terms.targets, title, abstract, 'word-after-hyphen');
  const namedIds = new Set(named.map((entry) => entry.id));
  // Token merging named once in a prompt-compression abstract is the paper's technique; in a
  // weight-pruning abstract, a single "token pruning" is more likely background.
  const usualTargetNamed = (term: TaxonomyTerm) => (term.usualTargets.some((id) => namedIds.has(id)) ? USUAL_TARGET_THRESHOLD : THRESHOLD);
  const techniqueText = abstract.replace(ASIDE, '').replace(FINE_TUNING_ADAPTERS, '');
  const techniqueScores = scoreAll(terms.techniques, title.replace(FINE_TUNING_ADAPTERS, ''), techniqueText, 'word-start-only');
  const ranked = aboveThreshold(techniqueScores, usualTargetNamed).map((entry) => entry.id);
  const mentioned = techniqueScores.filter(({ score }) => score > 0).map(({ term }) => term);
  const techniques = listedAlongside(ranked, techniqueText, mentioned);
  const targets = withImpliedTargets(named, techniques, terms.targets, title, abstract);
  const others = terms.kinds.filter((kind) => kind.id !== 'method');
  const inTitle = others
    .map((kind) => ({ id: kind.id, score: scoreTerm(kind, title, '') }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  if (inTitle.length > 0) return { techniques, targets, kind: inTitle[0]!.id };
  const titleNoun = TITLE_NOUN.exec(title.trim())?.[1]?.toLowerCase();
  if (titleNoun) return { techniques, targets, kind: KIND_OF_NOUN[titleNoun] ?? 'method' };
  // "We introduce X, a benchmark ...": the contribution's own noun says what it is.
  if (MODEL_RELEASE.test(abstract)) return { techniques, targets, kind: 'report' };
  const contributed = CONTRIBUTED_KIND.exec(abstract)?.[1]?.toLowerCase();
  if (contributed) return { techniques, targets, kind: KIND_OF_NOUN[contributed.replace(/s$/, '')] ?? 'method' };
  if (method === null) {
    const inAbstract = rank(others, '', abstract);
    const proposes = scoreTerm(terms.kinds.find((kind) => kind.id === 'method') ?? NO_METHOD_SIGNALS, '', abstract);
    if (inAbstract.length > 0 && inAbstract[0]!.score > proposes) return { techniques, targets, kind: inAbstract[0]!.id };
  }
  return { techniques, targets, kind: 'method' };
}
