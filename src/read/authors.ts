import { cleanText, toNfc } from './text.js';

export interface AuthorList {
  readonly names: string[];
  /** The list ended in "et al.": the digest printed only the first authors. */
  readonly truncated: boolean;
}

/**
 * Split a printed author list into display names. Generators join names with "," or ", " (never
 * with "and", though a stray leading "and " is seen); tokens that cannot be a name ("", ":", "et al.")
 * are dropped. Names are Unicode NFC with white space collapsed.
 */
export function splitAuthors(line: string): AuthorList {
  const names: string[] = [];
  let truncated = false;
  for (const token of cleanText(line).split(SEPARATORS)) {
    let name = toNfc(token).trim();
    if (LEADING_AND.test(name)) name = name.slice(4).trim();
    const last = name[name.length - 1];
    // Checked on the last letter first: a test anchored at the end scans the whole name.
    if ((last === 'l' || last === 'L' || last === '.') && ET_AL.test(name)) {
      name = name.replace(ET_AL, '').trim();
      truncated = true;
    }
    if (HAS_LETTER.test(name)) names.push(name);
  }
  return { names, truncated };
}

const SEPARATORS = /[,，;]/;
const LEADING_AND = /^and\s/i;
const ET_AL = /(?:^|\s)et\s+al\.?$/i;
const HAS_LETTER = /\p{L}/u;

/**
 * The identity of a person: two spellings with the same key are one person. Unicode compatibility
 * forms (NFKC), case, white space, dots ("J.Smith", "J. Smith") and the many dashes are folded;
 * diacritics are not (José Garcia and Jose Garcia may be two people), nor initials into full names.
 */
export function authorKey(displayName: string): string {
  const name = NON_ASCII.test(displayName) ? displayName.normalize('NFKC') : displayName;
  return cleanText(name.replace(/\./g, ' ').replace(DASHES, '-')).toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
