/** Plural folding good enough to meet "network" and "networks" in one term. */
export function termWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 3 && lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower) ? lower.slice(0, -1) : lower;
}

/** The identity of a keyword: case, Unicode compatibility forms, plurals, hyphens and spaces folded. */
export function keywordKey(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .split(/[\s\-‐–]+/)
    .filter((w) => w !== '')
    .map(termWord)
    .join(' ');
}
