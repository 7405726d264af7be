import { analyseGraph, type Analysis } from '../../src/analyse/analyseGraph.js';
import { seededRandom } from '../../src/analyse/random.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import type { PaperRecord } from '../../src/read/types.js';

/** The analysis of 100 made-up papers: enough that drawing its three graphs is worth worker threads. */
export async function generatedAnalysis(): Promise<Analysis> {
  const random = seededRandom(7);
  const pick = (prefix: string, pool: number, count: number): string[] => [
    ...new Set(Array.from({ length: count }, () => `${prefix} ${Math.floor(random() * pool)}`)),
  ];
  const records: PaperRecord[] = Array.from({ length: 100 }, (_, i) => ({
    id: `2601.${String(i).padStart(5, '0')}`,
    url: `https://arxiv.org/abs/2601.${String(i).padStart(5, '0')}`,
    title: `Paper ${i}`,
    authors: pick('Author', 150, 3),
    categories: ['cs.CL'],
    keywords: pick('topic', 60, 3),
    sources: [{ file: 'd.md', line: i + 1 }],
  }));
  const { graph } = await buildKnowledgeGraph(records, { taxonomy: loadTaxonomy() });
  return analyseGraph(graph);
}
