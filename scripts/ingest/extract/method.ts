/**
 * Finds the short name of a paper's main named contribution, or null.
 *
 * Sources, most reliable first: a short name before the title's colon
 * (`GPTQ: ...`); an acronym in the title (`... Training (AdaPT): ...`);
 * "termed / dubbed / called / named X"; the first name in a contribution
 * clause ("we propose TRAAC", "we propose a ... method (LASER)", "Our
 * framework, Self-Compression via MARL (SCMA)"). A parenthesised acronym
 * elsewhere only defines a field term (`Large Reasoning Models (LRMs)`), so it
 * is never taken on its own.
 */
import { splitSentences } from './sentences.ts';

/** A plausible method name: one token, not a plain lower-case word, not a generic term. */
const NAME = String.raw`[A-Z]{1,4};[A-Z]{1,4}|[A-Za-z0-9][A-Za-z0-9+\-_.²⁺]*[A-Za-z0-9+²⁺]|[A-Z]`;

/** Words and field acronyms that are never a paper's own name. */
const GENERIC = new Set(
  [
    'a', 'an', 'the', 'we', 'our', 'this', 'novel', 'new', 'it', 'its', 'survey', 'towards', 'toward', 'position', 'review', 'overview', 'tutorial', 'perspective',
    'ai', 'agi', 'llm', 'llms', 'lm', 'lms', 'slm', 'slms', 'mllm', 'mllms', 'vlm', 'vlms', 'lvlm', 'lvlms', 'lmm', 'lmms', 'lrm', 'lrms', 'plm', 'plms', 'moe', 'moes',
    'kv', 'cot', 'rl', 'rlhf', 'rlvr', 'sft', 'ptq', 'qat', 'svd', 'pca', 'nas', 'kd', 'vq', 'gpu', 'gpus', 'cpu', 'tpu', 'npu', 'fpga', 'rag', 'sota', 'nlp', 'cv', 'asr', 'tts',
    'dnn', 'dnns', 'cnn', 'cnns', 'nn', 'nns', 'rnn', 'rnns', 'vit', 'vits', 'gan', 'gans', 'vae', 'vaes', 'inr', 'inrs', 'nerf', 'nerfs', 'lic', 'mse', 'psnr', 'ssim',
    'fl', 'iot', 'api', 'apis', 'ood', 'qa', 'vqa', 'ocr', 'mri', 'ct', 'dct', 'fft', 'gemm', 'flops', 'bpp', 'bpb', 'dit', 'dits', 'ssm', 'ssms', 'lora', 'peft',
    'int4', 'int8', 'fp4', 'fp8', 'fp16', 'bf16', 'fp32', 'mxfp4', 'nvfp4',
  ],
);

/** Words that may stand alone before a title colon without being a name (`Survey: ...`). */
const NOT_A_TITLE_NAME = /^(?:survey|review|overview|position|tutorial|perspective|introduction|benchmarking|revisiting|rethinking|beyond|towards?|when|why|how|what|which|less|more|all|one|two|the|on|in|from|with)$/i;

export function looksLikeName(token: string): boolean {
  if (GENERIC.has(token.toLowerCase())) return false;
  // `16`, `3x`, `7B`, `2D`: numbers and sizes, not names.
  if (/^\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (token.startsWith('\\')) return false;
  // Names carry a capital after the first letter, a digit, or a symbol: GPTQ, DFloat11, LLMC+, Laser-D.
  return /[A-Z].*[A-Z]|\d|[+²⁺]|^[A-Z][a-z]+[A-Z]/.test(token) || /^[A-Z]{2,}/.test(token);
}

/**
 * A name glued to a size or a version: `Qwen3-14B`, `Llama-3.2`, `GPT-4o` are
 * models the paper uses, not its own. A family name with a word after it
 * (`Llama-MTSK`) is a model the paper builds.
 */
function isModelSize(token: string): boolean {
  return /-\d+(?:\.\d+)?[BMK]$/i.test(token) || /^(?:llama|qwen|gpt|mistral|gemma|phi|deepseek|opt|bert|t5|vicuna|claude|gemini|mixtral|bloom|falcon|pythia|olmo|internvl|llava|clip|vit|resnet|whisper)-?[\d.]/i.test(token);
}

/** `Self-Compression`, `Retrieval-Augmented`: capitalised English compounds, not names (unless a title puts them before its colon). */
function isPlainCompound(token: string): boolean {
  return /^[A-Z]?[a-z]+(?:-[A-Za-z][a-z]+)+$/.test(token) || /-(?:based|aware|free|wise|level|like|guided|driven|style|scale|specific|agnostic)$/i.test(token);
}

/** Benchmarks and datasets papers evaluate on, not their contribution. */
const EVALUATION_SETS = /^(?:CIFAR|ImageNet|MNIST|COCO|GSM8K|MMLU|AIME|MATH|SQuAD|GLUE|SuperGLUE|WikiText|LongBench|Kodak|CLIC|HumanEval|MBPP|RULER|BBH|BEIR)[\d-]*$/i;

/** A name read from abstract prose, where stricter rules apply than before a title's colon. */
function proseName(token: string): string | null {
  const name = cleanName(token);
  // `PCs`, `INRs`: a plural acronym names a class of models, not one contribution.
  const plural = /^[A-Z]{2,}s$/.test(name);
  return looksLikeName(name) && !plural && !isModelSize(name) && !isPlainCompound(name) && !EVALUATION_SETS.test(name) ? name : null;
}

function cleanName(token: string): string {
  return token.replace(/[.\-_]+$/, '');
}

/** The name the title puts before its colon, or in brackets before it. */
function fromTitle(title: string): string | null {
  // `Qwen2.5-1M Technical Report`: a report is named for the model it releases.
  const report = /^(\S+)\s+technical report$/i.exec(title.trim());
  if (report && looksLikeName(report[1]!)) return report[1]!;
  const colon = /^([^:]{1,60}?)\s*:/.exec(title);
  if (colon) {
    const head = colon[1]!.trim();
    const bracket = /\(([A-Za-z][\w+\-.]{1,20})\)$/.exec(head);
    if (bracket && looksLikeName(bracket[1]!)) return bracket[1]!;
    if (new RegExp(`^(?:${NAME})$`).test(head)) {
      if (looksLikeName(head) && !isModelSize(head)) return head;
      // A single capitalised word before the colon is a name too: `Twilight:`, `Unicorn:`.
      if (/^[A-Z][a-z]{3,}$/.test(head) && !NOT_A_TITLE_NAME.test(head)) return head;
    }
  }
  // `SqueezeLLM Dense...` without a colon is rare; take a leading camel-case or digit-bearing word before a verb-less title only when followed by a colon above.
  return null;
}

/** Does the acronym's letters follow the capitals or word initials of the words before it? */
function matchesExpansion(acronym: string, before: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (letters.length < 2) return false;
  const words = before.split(/[\s\-/]+/).filter(Boolean).slice(-12);
  const initials = words.map((word) => word.replace(/[^A-Za-z]/g, '')).filter(Boolean);
  // Every capital of the expansion, in order (`Length-bAsed StEp Reward` -> LASER), or word initials.
  const capitals = initials.join(' ').replace(/[^A-Z]/g, '');
  const heads = initials.map((word) => word[0]!.toUpperCase()).join('');
  if (isSubsequence(letters, capitals) || isSubsequence(letters, heads)) return true;
  // Mixed case (`CoLoR` from "Compression model for Long context Retrieval"): its capitals are the word initials.
  const upper = acronym.replace(/[^A-Z]/g, '');
  if (/[a-z]/.test(acronym.replace(/s$/, '')) && upper.length >= 2) {
    // The expansion is the last few words, starting with the acronym's first letter.
    for (let start = Math.max(0, heads.length - upper.length - 3); start < heads.length; start++) {
      if (heads[start] === upper[0] && isSubsequence(upper, heads.slice(start))) return true;
    }
  }
  // Letters reordered (`Knowledge-Intensive Compressed LLM BenchmarK (LLM-KICK)`): most letters must be among the capitals.
  const pool = [...capitals];
  let found = 0;
  for (const letter of letters) {
    const at = pool.indexOf(letter);
    if (at !== -1) {
      pool.splice(at, 1);
      found++;
    }
  }
  return found >= Math.ceil(letters.length * 0.8) && letters.length >= 3;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let index = 0;
  for (const char of haystack) if (char === needle[index]) index++;
  return index === needle.length;
}

const CONTRIBUTION_VERB = String.raw`(?:we|this (?:paper|work|study|article)|here we|in this (?:paper|work)),?\s+(?:first\s+|further\s+|also\s+|then\s+|thus\s+|therefore\s+)?(?:propose[sd]?|introduce[sd]?|present[sd]?|develop(?:s|ed)?|design(?:s|ed)?|build|construct|release|create|devise|unveil|offer|contribute)`;
// The clause may go on past a colon that opens a numbered list: "we introduce two instantiations: (i) SpecKV, ...".
const CONTRIBUTION = new RegExp(String.raw`(?:\b${CONTRIBUTION_VERB}|\bwe\b(?:[^.;]|\.(?=\d)){0,120}?\band\s+(?:then\s+)?(?:propose|introduce|present|develop)|\bwe\s+(?:\w+\s+){0,2}?(?:propose|introduce|present))\b((?:[^.;:]|;(?=[A-Z])|:(?=\s*\((?:i|1|a)\))){0,200})`, 'gi');
/** `FastGen can be deployed`, `AQLM outperforms`: a name as the subject of a result verb. */
const SUBJECT = new RegExp(String.raw`(?:^|[.;,]\s+|\b(?:and|while|where)\s+)(${NAME})\s+(?:(?:also|further|consistently|significantly|substantially|effectively|successfully)\s+)?(?:achieves|outperforms|reduces|improves|enables|delivers|attains|surpasses|yields|can|compresses|accelerates|maintains|preserves|provides|supports|is able|allows|matches|sets|establishes|employs|leverages|uses|exploits|combines|comprises|consists|integrates|incorporates|adopts|features)\b`, 'g');
const NAMING = new RegExp(String.raw`\b(?:termed|dubbed|called|named|coined|codenamed|denoted(?: as)?|referred to as)\s+(?:as\s+)?["“'‘]?(${NAME})`, 'g');
/** What a paper calls its contribution: "our framework, X", "X, a simple framework". */
const CONTRIBUTION_NOUN = String.raw`(?:method|framework|approach|model|system|algorithm|technique|scheme|pipeline|benchmark|dataset|toolkit|library|architecture|strategy|compressor|codec|tokenizer|family|suite|engine|solution)`;
const OUR_NOUN = new RegExp(String.raw`\b(?:our|the proposed|this)\s+(?:\w+[\s-]){0,3}?${CONTRIBUTION_NOUN},?\s+["“]?(${NAME})`, 'gi');
const PAREN = new RegExp(String.raw`\((${NAME})\)`, 'g');
/** "We refer to the modified RPS, which ..., as STABLE-RPS". */
const REFER_AS = new RegExp(String.raw`\bwe refer to\b[^.;]{0,100}?\bas\s+["“]?(${NAME})`, 'gi');

/** The first name in a contribution clause: `(ACRONYM)` of an expansion, else one of its first `bareWords` words. */
function fromClause(clause: string, bareWords = 10): string | null {
  // A name in quotes right after the verb may be several words: introduces "Double Sparsity," a novel ...
  const quoted = /^\s*["“]([A-Z][\w+-]*(?:\s+[A-Z0-9][\w+-]*){0,3}),?["”]/.exec(clause);
  if (quoted && !GENERIC.has(quoted[1]!.toLowerCase())) return quoted[1]!;
  // Stop at the clause's end: a relative clause or a second sentence part rarely names the contribution.
  const head = clause.split(/\b(?:which|that|to|by|for|where|whose|while|and then)\b|[,;]\s+(?=(?:which|that|where|and|but|while)\b)/)[0] ?? clause;
  // "a method for channel state information (CSI) adaptive quantization": an acronym after "for" names what the method is for.
  const headThenFor = /^\s*for\b/.test(clause.slice(head.length));
  for (const match of clause.matchAll(PAREN)) {
    const name = cleanName(match[1]!);
    if (match.index! > head.length + 80) break;
    if (headThenFor && match.index! > head.length) continue;
    if (looksLikeName(name) && !isModelSize(name) && matchesExpansion(name, clause.slice(0, match.index))) return name;
  }
  const words = head.split(/\s+/).filter(Boolean).slice(0, bareWords);
  for (const raw of words) {
    const word = raw.replace(/^["“'‘(]+|["”'’),:]+$/g, '');
    if (!new RegExp(`^(?:${NAME})$`).test(word)) continue;
    const name = proseName(word);
    if (name) return name;
  }
  return null;
}

/** The title spelled out in the abstract with its acronym: "the Minimum Entropy Coupling with Bottleneck (MEC-B)". */
function fromTitleExpansion(title: string, abstract: string): string | null {
  const spelled = title.trim().replace(/[.?!]+$/, '');
  if (spelled.split(/\s+/).length < 2) return null;
  const escaped = spelled.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\s*\\((${NAME})\\)`, 'i').exec(abstract);
  return match && looksLikeName(match[1]!) ? cleanName(match[1]!) : null;
}

/**
 * A capitalised word after a lower-case one (so not a sentence's first word, nor part of a longer
 * capitalised phrase), then an appositive saying what it is: "Guide -- a new class of algorithms".
 */
const APPOSITIVE = new RegExp(String.raw`(?<=(?:^|[^\w-])[a-z][\w-]*,?\s+)([A-Z][a-z]{2,}[a-z0-9]*)\s*(?:,|--|—|–)\s*an?\s+(?:[\w-]+\s+){0,5}?(?:${CONTRIBUTION_NOUN}|class|paradigm|mechanism|protocol|recipe)s?\b`, 'g');

/** "we propose / derive / introduce", "our framework": what follows is the paper's own. */
const OWN_WORK = /\b(?:we|this (?:paper|work))\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|derive|develop|design|build|construct|create|devise|release|unveil|offer|contribute)|\bour\b/i;

/**
 * A plain capitalised word as a name (`Guide`, `Medusa`, `Tokenadapt`): an
 * appositive in a sentence about the paper's own work says what it is, and the
 * abstract calls it by that name again. English words capitalised mid-sentence
 * are proper nouns, so the first condition keeps out "However, a ...".
 */
function appositiveName(sentence: string, abstract: string): { index: number; name: string } | null {
  // The paper's own work must come first: "we compare against Medusa, a speculative decoding framework" names a baseline.
  const own = OWN_WORK.exec(sentence);
  if (!own) return null;
  for (const match of sentence.matchAll(APPOSITIVE)) {
    const name = match[1]!;
    if (match.index! < own.index) continue;
    if (GENERIC.has(name.toLowerCase())) continue;
    const uses = abstract.match(new RegExp(String.raw`\b${name}\b`, 'g'))?.length ?? 0;
    if (uses >= 2) return { index: match.index!, name };
  }
  return null;
}

/** An acronym of three or more capitals after two to eight capitalised words (small joining words allowed). */
const AFTER_CAPITALISED_WORDS = /(?<=(?:\b[A-Z][\w-]*\s+(?:(?:for|of|with|and|in|on|via|the)\s+)?){2,8})([A-Z][A-Z0-9-]{2,})\b/g;

/**
 * An acronym written straight after its expansion, without brackets, in a
 * contribution clause: "we release our implementation of Additive Quantization
 * for Language Models AQLM".
 */
function bareAcronym(clause: string): string | null {
  for (const match of clause.matchAll(AFTER_CAPITALISED_WORDS)) {
    const name = cleanName(match[1]!);
    if (looksLikeName(name) && !isModelSize(name) && matchesExpansion(name, clause.slice(0, match.index))) return name;
  }
  return null;
}

/** A mixed-case acronym (`CoLoR`, `EoRA`) after its expansion, in a sentence about the paper's own work. */
function mixedCaseAcronym(sentence: string): { index: number; name: string } | null {
  if (!/\b(?:we|our|the proposed)\b/i.test(sentence)) return null;
  for (const match of sentence.matchAll(PAREN)) {
    const name = cleanName(match[1]!);
    if (!/[a-z]/.test(name.replace(/s$/, '')) || !looksLikeName(name) || isModelSize(name)) continue;
    if (matchesExpansion(name, sentence.slice(0, match.index))) return { index: match.index!, name };
  }
  return null;
}

export function extractMethod(title: string, abstract: string): string | null {
  const titled = fromTitle(title) ?? fromTitleExpansion(title, abstract);
  if (titled) return titled;
  for (const sentence of splitSentences(abstract)) {
    const candidates: { index: number; name: string }[] = [];
    for (const match of sentence.matchAll(REFER_AS)) {
      const name = proseName(match[1]!);
      if (name) candidates.push({ index: match.index!, name });
    }
    const acronym = mixedCaseAcronym(sentence);
    if (acronym) candidates.push(acronym);
    for (const match of sentence.matchAll(NAMING)) {
      const name = proseName(match[1]!);
      if (name) candidates.push({ index: match.index!, name });
    }
    for (const match of sentence.matchAll(CONTRIBUTION)) {
      const name = fromClause(match[1]!) ?? bareAcronym(match[1]!);
      if (name) candidates.push({ index: match.index!, name });
    }
    const appositive = appositiveName(sentence, abstract);
    if (appositive) candidates.push(appositive);
    for (const match of sentence.matchAll(OUR_NOUN)) {
      const name = fromClause(sentence.slice(match.index! + match[0].length - match[1]!.length, match.index! + match[0].length + 100), 1);
      if (name) candidates.push({ index: match.index!, name });
    }
    if (candidates.length > 0) return candidates.sort((a, b) => a.index - b.index)[0]!.name;
  }
  for (const match of abstract.matchAll(SUBJECT)) {
    const name = proseName(match[1]!);
    if (name && /[A-Z].*[A-Z]/.test(name)) return name;
  }
  // A name the title opens with and the abstract repeats: `SparseByteNN` in "SparseByteNN: ..." is caught above;
  // here `Text4Seg++ ...` style titles without a colon.
  const first = /^(\S+)\s/.exec(title)?.[1];
  const name = first ? proseName(first) : null;
  if (name && /[a-z]/.test(name) && abstract.includes(name)) return name;
  return null;
}
