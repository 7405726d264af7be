import { cleanText, toNfc } from './text.js';

/**
 * Split a printed author list into display names. Generators join names with "," or ", " (never
 * with "and", though a stray leading "and " is seen); tokens that cannot be a name ("", ":", "et al.")
 * are dropped. Names are Unicode NFC with white space collapsed.
 */
export function splitAuthors(line: string): string[] {
  const names: string[] = [];
  for (const token of cleanText(line).split(SEPARATORS)) {
    let name = toNfc(token).trim();
    if (LEADING_AND.test(name)) name = name.slice(4).trim();
    const last = name[name.length - 1];
    // Checked on the last letter first: a test anchored at the end scans the whole name.
    if ((last === 'l' || last === 'L' || last === '.') && ET_AL.test(name)) name = name.replace(ET_AL, '').trim();
    if (HAS_LETTER.test(name)) names.push(name);
  }
  return names;
}

const SEPARATORS = /[,，;]/;
const LEADING_AND = /^and\s/i;
const ET_AL = /(?:^|\s)et\s+al\.?$/i;
const HAS_LETTER = /\p{L}/u;

/**
 * The identity of a person: two spellings with the same key are one person. Case is folded; diacritics
 * are not (José Garcia and Jose Garcia may be two people).
 */
export function authorKey(displayName: string): string {
  return cleanText(toNfc(displayName)).toLowerCase();
}
