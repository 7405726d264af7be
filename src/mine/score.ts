import { keywordKey } from './phrase.js';

export interface KeywordScores {
  readonly papers: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Precision, recall and F1 of the first `k` predicted keywords against the gold ones, exact match
 * of their keys (Porter-stemmed), macro-averaged over papers (each paper counts once, whatever its number of
 * keywords). Precision divides by the number predicted (at most k), recall by the gold count.
 */
export function scoreKeywords(pairs: readonly { predicted: readonly string[]; gold: readonly string[] }[], k: number): KeywordScores {
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  let papers = 0;
  for (const { predicted, gold } of pairs) {
    const goldSet = new Set(gold.map(keywordKey));
    if (goldSet.size === 0) continue;
    papers++;
    const top = [...new Set(predicted.map(keywordKey))].slice(0, k);
    const hits = top.filter((p) => goldSet.has(p)).length;
    const p = top.length === 0 ? 0 : hits / top.length;
    const r = hits / goldSet.size;
    precision += p;
    recall += r;
    f1 += p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return papers === 0 ? { papers, precision: 0, recall: 0, f1: 0 } : { papers, precision: precision / papers, recall: recall / papers, f1: f1 / papers };
}
