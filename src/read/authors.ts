import { cleanText, toNfc } from './text.js';

/**
 * Split a printed author list into display names. Generators join names with "," or ", " (never
 * with "and", though a stray leading "and " is seen); tokens that cannot be a name ("", ":", "et al.")
 * are dropped. Names are Unicode NFC with white space collapsed.
 */
export function splitAuthors(line: string): string[] {
  const names: string[] = [];
  for (const token of cleanText(line).split(/[,，;]/)) {
    const name = toNfc(token)
      .trim()
      .replace(/^and\s+/i, '')
      .replace(/\s*\bet\s+al\b\.?$/i, '')
      .trim();
    if (/\p{L}/u.test(name)) names.push(name);
  }
  return names;
}

/**
 * The identity of a person: two spellings with the same key are one person. Case is folded; diacritics
 * are not (José Garcia and Jose Garcia may be two people).
 */
export function authorKey(displayName: string): string {
  return cleanText(toNfc(displayName)).toLowerCase();
}
