import { describe, expect, it } from 'vitest';
import { analyseGraph, type Analysis } from '../../src/analyse/analyseGraph.js';
import { drawAnalysis, layOut } from '../../src/analyse/layout.js';
import { seededRandom } from '../../src/analyse/random.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import type { PaperRecord } from '../../src/read/types.js';
import { workerThreads } from '../helpers/workerThreads.js';

// Enough papers that the three layouts together are worth a worker thread.
async function analysis(): Promise<Analysis> {
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

describe('drawAnalysis', () => {
  it('draws on a worker thread what layOut draws here, and lets the thread go', async () => {
    const onThreads = await analysis();
    const before = workerThreads();
    const drawing = drawAnalysis(onThreads);
    expect(workerThreads()).toBeGreaterThan(before);
    await drawing;
    expect(workerThreads()).toBe(before);

    const here = await analysis();
    layOut(here.graph, here.communityOf.graph);
    layOut(here.coauthors, here.communityOf.coauthors);
    layOut(here.topics, here.communityOf.topics);
    expect(onThreads.graph.export()).toEqual(here.graph.export());
    expect(onThreads.coauthors.export()).toEqual(here.coauthors.export());
    expect(onThreads.topics.export()).toEqual(here.topics.export());
    onThreads.coauthors.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
  });
});
