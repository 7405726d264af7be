/**
 * Score the keyword extractor against the keywords some digests carry (ZL-Asica's `**Keywords:**`
 * lines): exact match after Porter stemming, precision, recall and F1 at 5 and 10, macro-averaged
 * over papers. Every paper's own keyword line is hidden from the extractor, and document
 * frequencies come from the whole corpus, not from the scored papers alone.
 *
 *   npm run eval:keywords -- ../shared/corpus/digests/ZL-Asica__daily-arXiv-digest
 *   npm run eval:keywords -- FILES... --corpus DIR
 */
import { parseArgs } from 'node:util';
import { Diagnostics } from '../src/diagnostics.js';
import { extractKeywords } from '../src/mine/keywords.js';
import { scoreKeywords } from '../src/mine/score.js';
import { readDigests } from '../src/read/readDigests.js';
import type { PaperRecord } from '../src/read/types.js';
import { fixed, time } from './timing.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: 'string', default: '../shared/corpus/digests' } },
});
if (positionals.length === 0) {
  console.error('eval:keywords: name the digests that carry keywords, e.g. ../shared/corpus/digests/ZL-Asica__daily-arXiv-digest');
  process.exit(2);
}

const gold = (await readDigests(positionals, { diagnostics: new Diagnostics() })).records.filter((r) => (r.keywords?.length ?? 0) > 0);
const corpus = (await readDigests([values.corpus as string, ...positionals], { diagnostics: new Diagnostics() })).records;
if (gold.length === 0) {
  console.error('eval:keywords: no paper in those digests carries keywords');
  process.exit(2);
}
// Hide every keyword line: the extractor must find them from titles and abstracts.
const hidden: PaperRecord[] = corpus.map(({ keywords: _, ...rest }) => rest);
const { ms, result: extracted } = await time(() => extractKeywords(hidden, { perPaper: 10 }));
const pairs = gold.map((r) => ({ predicted: (extracted.get(r.id) ?? []).map((k) => k.phrase), gold: r.keywords ?? [] }));

console.log(`gold: ${gold.length} papers with keywords (${fixed(pairs.reduce((n, p) => n + p.gold.length, 0) / gold.length, 1)} per paper); document frequencies over ${corpus.length} papers`);
for (const k of [5, 10]) {
  const s = scoreKeywords(pairs, k);
  console.log(`@${k}: precision ${fixed(s.precision, 3)}  recall ${fixed(s.recall, 3)}  F1 ${fixed(s.f1, 3)}  (${s.papers} papers)`);
}
console.log(`extraction: ${Math.round(hidden.length / (ms / 1000))} papers/s (${hidden.length} papers in ${fixed(ms / 1000, 2)} s)`);
