import { decodeHTML } from 'entities';

/**
 * Characters whose Markdown escape is undone outside math. Only these: the escapes digests really
 * carry (`Part \_A`, `50\%`, `R\&D`). `\[`, `\(`, `\{`, `\\` and friends are left alone because in an
 * abstract they are far more often LaTeX (display math, braces, line breaks) than Markdown.
 */
const UNESCAPED = new Set(['_', '*', '#', '&', '%', '$', '|', '`']);

/** Undo Markdown escapes outside `$…$` / `$$…$$` math spans, which are kept exactly as written. */
function unescapeMarkdown(text: string): string {
  let out = '';
  let inMath = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      if (!inMath && UNESCAPED.has(next)) {
        out += next;
      } else {
        out += ch + next;
      }
      i++;
      continue;
    }
    if (ch === '$') {
      inMath = !inMath;
      if (text[i + 1] === '$') {
        out += '$';
        i++;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * Turn digest text into clean text: HTML entities decoded, Markdown escapes undone outside math,
 * control characters removed, runs of white space (line breaks of hard-wrapped abstracts included)
 * collapsed to one space.
 * LaTeX is kept as written.
 */
export function cleanText(raw: string): string {
  const edges = raw.startsWith(' ') || raw.endsWith(' ');
  // One scan decides: most fields hold no entity, no escape and no irregular space, and come back as they are.
  if (!edges && !NEEDS_CLEANING.test(raw)) return raw;
  let text = raw;
  if (text.includes('&')) text = decodeHTML(text);
  if (text.includes('\\')) text = unescapeMarkdown(text);
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Control characters other than white space: never text, and trouble for every format downstream. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** An entity or escape to decode, or white space other than single spaces (`\s` spelled out: faster). */
const NEEDS_CLEANING = /[&\\\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

const NON_ASCII = /[^\x00-\x7f]/;

/** Unicode NFC; ASCII text (most names) is already NFC and skips the costly call. */
export function toNfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

/** The text with diacritics removed (José → Jose); ASCII text is returned as it is. */
export function foldDiacritics(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : text;
}

/**
 * What the digest generators print when their LLM call failed ("Summary generation failed",
 * "Error: API quota exceeded", "达到API配额限制，请明天再试", a leaked JSON error…) or the canned
 * sentences one fork writes instead ("研究旨在解决摘要中描述的问题": "the study addresses the problem
 * in the abstract"). Such text says nothing about the paper, so it is dropped, not kept as a summary.
 */
const PLACEHOLDER =
  /^(?:error(?:[:：].*)?|\w+ (?:generation|extraction|analysis) (?:failed|unavailable)|failed when generating .*|n\/a|none|null|undefined)$/i;
/** Quota messages come in many wordings; these words are in all of them. */
const QUOTA_MESSAGE = /api quota exceeded|API配额/i;
const CANNED_FALLBACKS = new Set([
  '研究旨在解决摘要中描述的问题',
  '采用了先进的研究方法和技术',
  '取得了显著的研究成果和发现',
  '对领域发展具有重要意义的结论',
]);

/** Longer than any failure message: real summaries are not even looked at. */
const PLACEHOLDER_MAX_LENGTH = 160;

export function isPlaceholder(text: string): boolean {
  if (text.length > PLACEHOLDER_MAX_LENGTH) return false;
  return PLACEHOLDER.test(text) || QUOTA_MESSAGE.test(text) || CANNED_FALLBACKS.has(text.replace(/[。.]$/, ''));
}
