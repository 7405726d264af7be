/**
 * Score the keyword extractor against the keywords some digests carry (ZL-Asica's `**Keywords:**`
 * lines): exact match after Porter stemming, precision, recall and F1 at 5 and 10, macro-averaged
 * over papers. Document frequencies come from the whole corpus, not from the scored papers alone.
 *
 * Two ways, both printed:
 * - every keyword line hidden: the extractor works from titles and abstracts alone;
 * - one digest file at a time hidden (leave one file out): the scored papers' own keyword lines are
 *   hidden while the other files' stay, as in a real build where some digests give keywords.
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

const read = async (paths: string[]): Promise<PaperRecord[]> => (await readDigests(paths, { diagnostics: new Diagnostics() })).records;
const gold = (await read(positionals)).filter((r) => (r.keywords?.length ?? 0) > 0);
if (gold.length === 0) {
  console.error('eval:keywords: no paper in those digests carries keywords');
  process.exit(2);
}
const corpus = await read([values.corpus as string, ...positionals]);
const goldIds = new Set(gold.map((r) => r.id));
const goldFiles = [...new Set(gold.map((r) => r.sources[0]?.file as string))];
const hide = (r: PaperRecord, hidden: (r: PaperRecord) => boolean): PaperRecord => {
  if (!hidden(r)) return r;
  const { keywords: _, ...rest } = r;
  return rest;
};

function report(title: string, predicted: ReadonlyMap<string, readonly string[]>): void {
  const pairs = gold.map((r) => ({ predicted: predicted.get(r.id) ?? [], gold: r.keywords ?? [] }));
  console.log(title);
  for (const k of [5, 10]) {
    const s = scoreKeywords(pairs, k);
    console.log(`  @${k}: precision ${fixed(s.precision, 3)}  recall ${fixed(s.recall, 3)}  F1 ${fixed(s.f1, 3)}  (${s.papers} papers)`);
  }
}

console.log(
  `gold: ${gold.length} papers with keywords in ${goldFiles.length} files (${fixed(gold.reduce((n, r) => n + (r.keywords?.length ?? 0), 0) / gold.length, 1)} per paper); document frequencies over ${corpus.length} papers`,
);

const allHidden = corpus.map((r) => hide(r, () => true));
const { ms, result: extracted } = await time(() => extractKeywords(allHidden, { perPaper: 10 }));
report('every keyword line hidden:', new Map([...extracted].map(([id, ks]) => [id, ks.map((k) => k.phrase)])));

const byFile = new Map<string, string[]>();
for (const file of goldFiles) {
  const inFile = (r: PaperRecord): boolean => goldIds.has(r.id) && r.sources[0]?.file === file;
  const keywords = await extractKeywords(corpus.map((r) => hide(r, inFile)), { perPaper: 10 });
  for (const r of gold) if (inFile(r)) byFile.set(r.id, (keywords.get(r.id) ?? []).map((k) => k.phrase));
}
report(`leave one file out (the other ${goldFiles.length - 1} files' keyword lines seen):`, byFile);

console.log(`extraction: ${Math.round(allHidden.length / (ms / 1000))} papers/s (${allHidden.length} papers in ${fixed(ms / 1000, 2)} s)`);
