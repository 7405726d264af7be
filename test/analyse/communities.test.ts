import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analyse/analyseGraph.js';
import { detectCommunities, modularity, splitDisconnected } from '../../src/analyse/communities.js';
import { layOut, layoutIterations, TAIL_COLOR } from '../../src/analyse/layout.js';
import { seededRandom } from '../../src/analyse/random.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import type { View } from '../../src/graph/views.js';
import type { PaperRecord } from '../../src/read/types.js';

/** Two triangles joined by one edge, plus a lone pair: three obvious communities. */
function barbell(): View {
  const view: View = new UndirectedGraph();
  for (const n of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2']) view.addNode(n, { type: 'author', label: n });
  const edges = [['a1', 'a2'], ['a2', 'a3'], ['a1', 'a3'], ['b1', 'b2'], ['b2', 'b3'], ['b1', 'b3'], ['a3', 'b1'], ['c1', 'c2']];
  edges.forEach(([s, t], i) => view.addEdgeWithKey(`e${i}`, s as string, t as string, { type: 'coauthored', weight: 1 }));
  return view;
}

describe('modularity', () => {
  it('matches the value computed by hand', () => {
    const view = barbell();
    const partition = new Map([['a1', 0], ['a2', 0], ['a3', 0], ['b1', 1], ['b2', 1], ['b3', 1], ['c1', 2], ['c2', 2]]);
    // m = 8; inside: 3, 3, 1; degrees: 7, 7, 2  ->  Q = 7/8 - (49 + 49 + 4) / 256
    expect(modularity(view, partition, 1)).toBeCloseTo(7 / 8 - 102 / 256, 12);
    expect(modularity(view, partition, 2)).toBeCloseTo(7 / 8 - (2 * 102) / 256, 12);
  });
});

describe('detectCommunities', () => {
  it('finds the obvious communities, numbered by size, the same for the same seed', () => {
    const first = detectCommunities(barbell(), { seed: 7 });
    expect(first.count).toBe(3);
    expect([...first.community]).toEqual(
      [...new Map([['a1', 0], ['a2', 0], ['a3', 0], ['b1', 1], ['b2', 1], ['b3', 1], ['c1', 2], ['c2', 2]])].sort(),
    );
    expect(first.modularity).toBeCloseTo(7 / 8 - 102 / 256, 12);
    expect(detectCommunities(barbell(), { seed: 7 })).toEqual(first);
  });

  it('splits a community into its connected parts when it is not connected', () => {
    // As Louvain's aggregation can leave it: the two triangles and the pair in one community.
    const raw = { a1: 0, a2: 0, a3: 0, b1: 0, b2: 0, b3: 0, c1: 0, c2: 0 };
    const { parts, split } = splitDisconnected(barbell(), raw);
    expect(parts.map((p) => p.sort())).toEqual([['a1', 'a2', 'a3', 'b1', 'b2', 'b3'], ['c1', 'c2']]);
    expect(split).toBe(1);
    const view = barbell();
    view.dropEdge('e6');
    expect(splitDisconnected(view, raw).parts).toHaveLength(3);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('layOut', () => {
  it('gives every node a position, a size by degree and a colour by community, the same every time', () => {
    const draw = (): View => {
      const view = barbell();
      layOut(view, (n) => (n.startsWith('c') ? 25 : n.startsWith('a') ? 0 : 1));
      return view;
    };
    const view = draw();
    expect(view.getNodeAttributes('a3')).toMatchObject({ size: 6, color: '#4e79a7' });
    expect(view.getNodeAttribute('c1', 'color')).toBe(TAIL_COLOR);
    expect(view.getNodeAttribute('a1', 'size')).toBeLessThan(view.getNodeAttribute('a3', 'size') as number);
    view.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
    expect(draw().export()).toEqual(view.export());
  });

  it('bounds the iterations by the size of the graph', () => {
    expect(layoutIterations(100)).toBe(300);
    expect(layoutIterations(40_000)).toBe(5);
    expect(layoutIterations(10_000_000)).toBe(0);
  });
});

describe('analyseGraph', () => {
  const records: PaperRecord[] = ['1', '2', '3', '4'].map((id) => ({
    id: `2601.0000${id}`,
    url: `https://arxiv.org/abs/2601.0000${id}`,
    title: `Paper ${id}`,
    authors: id < '3' ? ['Ann Lee', 'Bo Li'] : ['Cy Wu', 'Di Xu'],
    categories: ['cs.CL'],
    keywords: id < '3' ? ['speech', 'audio'] : ['galaxies', 'stars'],
    sources: [{ file: 'd.md', line: Number(id) }],
  }));

  it('stores three community attributes, places categories with their papers and labels communities by keyword', async () => {
    const { graph } = await buildKnowledgeGraph(records, { taxonomy: loadTaxonomy() });
    const analysis = await analyseGraph(graph);
    expect(analysis.views.map((v) => [v.name, v.partition.count])).toEqual([
      ['full', 2],
      ['coauthors', 2],
      ['topics', 2],
    ]);
    expect(graph.getNodeAttribute('author:ann lee', 'coauthor_community')).toBe(graph.getNodeAttribute('author:bo li', 'coauthor_community'));
    expect(graph.getNodeAttribute('paper:2601.00001', 'topic_community')).not.toBe(graph.getNodeAttribute('paper:2601.00003', 'topic_community'));
    graph.forEachNode((_, a) => expect(typeof a.community).toBe('number'));
    expect(graph.hasNodeAttribute('author:ann lee', 'topic_community')).toBe(false);
    expect(analysis.views[2]?.communities.map((c) => c.label).sort()).toEqual(['audio · speech', 'galaxies · stars']);
    expect(analysis.views[1]?.communities[0]?.topMembers).toHaveLength(2);
  });
});
