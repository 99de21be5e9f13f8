import { findUrls } from './links.ts';

/**
 * Turns digest text with LaTeX leftovers into readable plain text:
 * escapes (`\%`), accents (`\"o`), inline math (`$\times$`, `$^2$`, and `2times`
 * where the capture dropped its backslash), ties (`~`) and known text macros.
 * Unknown macros such as `\modelname` are kept and reported, so the caller can
 * replace them with the method name or flag them.
 */

/** Combining marks for LaTeX accent commands; NFC folds them into precomposed letters. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
};

const SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', pm: '±', mp: '∓', infty: '∞', approx: '≈', sim: '~', simeq: '≃',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ll: '≪', gg: '≫', neq: '≠', ne: '≠', propto: '∝',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', mapsto: '↦',
  in: '∈', notin: '∉', subset: '⊂', cup: '∪', cap: '∩', sum: 'Σ', prod: 'Π', int: '∫',
  partial: '∂', nabla: '∇', sqrt: '√', ell: 'ℓ', dots: '…', ldots: '…', cdots: '⋯',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  '%': '%', '&': '&', '_': '_', '#': '#', '$': '$', '{': '{', '}': '}', ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ',
};

/** Text macros authors define for Latin abbreviations. */
const TEXT_MACROS: Record<string, string> = {
  etc: 'etc.', ie: 'i.e.', eg: 'e.g.', etal: 'et al.', wrt: 'w.r.t.', vs: 'vs.', cf: 'cf.', aka: 'a.k.a.',
  LaTeX: 'LaTeX', TeX: 'TeX', textasciitilde: '~', textbackslash: '\\', S: '§',
};

/** Commands whose braced argument is plain text to keep (`\textbf{X}` -> `X`). */
const WRAPPERS = new Set([
  'textbf', 'textit', 'emph', 'texttt', 'textrm', 'textsc', 'textsf', 'text', 'mathrm', 'mathbf', 'mathit',
  'mathcal', 'mathbb', 'mathsf', 'mathtt', 'operatorname', 'boldsymbol', 'bm', 'underline', 'url', 'href', 'mbox', 'hbox',
]);

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ',
};

export interface CleanResult {
  text: string;
  /** Unknown `\macro` names left in the text, in order of first use. */
  unresolvedMacros: string[];
}

export function cleanText(raw: string): CleanResult {
  // URLs are kept as written: their `~`, `_` and `^` are not LaTeX.
  const urls = findUrls(raw);
  let text = '';
  let cursor = 0;
  urls.forEach((span, index) => {
    text += raw.slice(cursor, span.start) + `\uE000${index}\uE001`;
    cursor = span.end;
  });
  text += raw.slice(cursor);
  text = replaceAccents(text);
  text = text.replace(/\$([^$]*)\$/g, (_, math: string) => cleanMath(math));
  text = replaceCommands(text);
  text = replaceSuperscripts(text);
  text = replaceTies(text);
  // A number glued to `times` (`2times`, `16times16`) is `$2\times$` whose backslash and dollars the capture dropped.
  text = text.replace(/(\d)times(?![a-z])/g, '$1×');
  // A digit glued to a braced number is a mangled fraction (`1{16}` from `\frac{1}{16}`).
  text = text.replace(/(\d)\{(\d+)\}/g, '$1/$2');
  // Remaining braces are LaTeX grouping, not text.
  text = text.replace(/[{}]/g, '');
  const unresolvedMacros = [...new Set([...text.matchAll(/\\([A-Za-z]+)/g)].map((match) => match[1]!))];
  text = text.replace(/\uE000(\d+)\uE001(?=([A-Za-z])?)/g, (_, index: string, glued: string | undefined) => {
    const span = urls[Number(index)]!;
    return raw.slice(span.start, span.end) + (glued ? ' ' : '');
  });
  text = text.replace(/[ \t\u00A0]+/g, ' ').replace(/ ([,.;:!?)])/g, '$1').replace(/\( /g, '(').trim();
  return { text: text.normalize('NFC'), unresolvedMacros };
}

function replaceAccents(text: string): string {
  // \"o, \"{o}, {\"o}, \'{\i}: the accent goes on the next letter.
  return text
    .replace(/\{\\(["'`^~=.])\s*\{?(\\?[A-Za-z])\}?\}/g, (_, accent: string, letter: string) => accented(accent, letter))
    .replace(/\\(["'`^~=.])\s*\{?(\\?[A-Za-z])\}?/g, (_, accent: string, letter: string) => accented(accent, letter))
    .replace(/\\([uvHck])\{(\\?[A-Za-z])\}/g, (_, accent: string, letter: string) => accented(accent, letter));
}

function accented(accent: string, letter: string): string {
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter;
  return (base + ACCENTS[accent]!).normalize('NFC');
}

function cleanMath(math: string): string {
  let text = math;
  text = text.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2');
  text = replaceCommands(text);
  text = text.replace(/\^\{([^{}]*)\}/g, (_, sup: string) => superscript(sup));
  text = text.replace(/\^(\S)/g, (_, sup: string) => superscript(sup));
  text = text.replace(/_\{([^{}]*)\}/g, '_$1');
  text = text.replace(/[{}]/g, '');
  return text.trim();
}

function superscript(text: string): string {
  return [...text].every((char) => char in SUPERSCRIPTS) ? [...text].map((char) => SUPERSCRIPTS[char]).join('') : `^${text}`;
}

function replaceCommands(text: string): string {
  let result = text;
  // Wrappers first, innermost out, so nested ones unwrap fully.
  for (let guard = 0; guard < 5; guard++) {
    const next = result.replace(/\\([A-Za-z]+)\{([^{}]*)\}/g, (whole, name: string, body: string) =>
      WRAPPERS.has(name) ? body : whole,
    );
    if (next === result) break;
    result = next;
  }
  result = result.replace(/\\([A-Za-z]+)\b\s?|\\([%&_#${},;:! ])/g, (whole, name: string | undefined, symbol: string | undefined) => {
    if (symbol !== undefined) return SYMBOLS[symbol] ?? symbol;
    if (name! in SYMBOLS) return SYMBOLS[name!]! + (whole.endsWith(' ') ? ' ' : '');
    if (name! in TEXT_MACROS) return TEXT_MACROS[name!]! + (whole.endsWith(' ') ? ' ' : '');
    return whole;
  });
  return result;
}

/** `LR^2VQ`, `MLICv2^+`: a bare caret before a digit or sign is a superscript. */
function replaceSuperscripts(text: string): string {
  return text.replace(/(?<=[A-Za-z0-9)])\^\{?([0-9+-]{1,3})\}?/g, (_, sup: string) => superscript(sup));
}

/**
 * `~` is a LaTeX tie (a space) between words, a range between numbers (`12~20%`),
 * and "approximately" before a number (`~85%`).
 */
function replaceTies(text: string): string {
  return text.replace(/(\d)\s*~\s*(?=\d)/g, '$1–').replace(/~/g, (tie, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? ' ';
    const after = whole[offset + 1] ?? ' ';
    const approximately = /[\s([{/=,:;]/.test(before) && /[\d.]/.test(after);
    return approximately ? tie : ' ';
  });
}
