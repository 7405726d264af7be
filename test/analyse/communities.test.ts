import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analyse/analyseGraph.js';
import { detectCommunities, indexView, modularity, splitDisconnected } from '../../src/analyse/communities.js';
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
    const view = indexView(barbell());
    expect(view.nodes).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2']);
    const partition = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    // m = 8; inside: 3, 3, 1; degrees: 7, 7, 2  ->  Q = 7/8 - (49 + 49 + 4) / 256
    expect(modularity(view, partition, 1)).toBeCloseTo(7 / 8 - 102 / 256, 12);
    expect(modularity(view, partition, 2)).toBeCloseTo(7 / 8 - (2 * 102) / 256, 12);
  });

  it.each([1, 2, 3, 4])('equals the sum over communities, edge weights by hand, on seeded random graphs (seed %i)', (seed) => {
    const { view, raw } = randomView(seed);
    const indexed = indexView(view);
    const community = Int32Array.from(indexed.nodes, (node) => raw.get(node) as number);
    let m = 0;
    view.forEachEdge((_, a) => void (m += a.weight));
    let q = 0;
    for (const c of new Set(raw.values())) {
      let inside = 0;
      let degree = 0;
      view.forEachEdge((_, a, s, t) => {
        if (raw.get(s) === c && raw.get(t) === c) inside += a.weight;
        if (raw.get(s) === c) degree += a.weight;
        if (raw.get(t) === c) degree += a.weight;
      });
      q += inside / m - 1.5 * (degree / (2 * m)) ** 2;
    }
    expect(modularity(indexed, community, 1.5)).toBeCloseTo(q, 12);
  });
});

/** A seeded random weighted graph, sparse enough to have many components, and a random grouping of its nodes into few communities. */
function randomView(seed: number): { view: View; raw: Map<string, number> } {
  const random = seededRandom(seed);
  const view: View = new UndirectedGraph();
  const raw = new Map<string, number>();
  for (let i = 0; i < 300; i++) {
    view.addNode(`n${i}`, { type: 'author', label: `n${i}` });
    raw.set(`n${i}`, Math.floor(random() * 6));
  }
  for (let e = 0; e < 400; e++) {
    const [s, t] = [`n${Math.floor(random() * 300)}`, `n${Math.floor(random() * 300)}`];
    if (s !== t && !view.hasEdge(s, t)) view.addEdge(s, t, { type: 'coauthored', weight: 1 + Math.floor(random() * 3) });
  }
  return { view, raw };
}

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
    const raw = new Int32Array(8);
    const { parts, split } = splitDisconnected(indexView(barbell()), raw);
    expect(parts).toEqual([[0, 1, 2, 3, 4, 5], [6, 7]]);
    expect(split).toBe(1);
    const view = barbell();
    view.dropEdge('e6');
    expect(splitDisconnected(indexView(view), raw).parts).toHaveLength(3);
  });

  it.each([1, 2, 3, 4])('splits into parts that are connected inside their community and as large as can be (seed %i)', (seed) => {
    const { view, raw } = randomView(seed);
    const indexed = indexView(view);
    const { parts, split } = splitDisconnected(indexed, Int32Array.from(indexed.nodes, (node) => raw.get(node) as number));
    const named = parts.map((part) => part.map((i) => indexed.nodes[i] as string));
    expect(named.flat().sort()).toEqual([...view.nodes()].sort());
    const partOf = new Map(named.flatMap((part, p) => part.map((node) => [node, p] as const)));
    // Reached from the part's first node over edges inside its community: every member, and nothing else.
    for (const part of named) {
      const reached = new Set([part[0] as string]);
      const queue = [part[0] as string];
      while (queue.length > 0) {
        view.forEachNeighbor(queue.pop() as string, (next) => {
          if (raw.get(next) === raw.get(part[0] as string) && !reached.has(next)) {
            reached.add(next);
            queue.push(next);
          }
        });
      }
      expect([...reached].sort()).toEqual([...part].sort());
    }
    view.forEachEdge((_, __, s, t) => {
      if (raw.get(s) === raw.get(t)) expect(partOf.get(s)).toBe(partOf.get(t));
    });
    const partsPer = new Map<number, number>();
    for (const part of named) partsPer.set(raw.get(part[0] as string) as number, (partsPer.get(raw.get(part[0] as string) as number) ?? 0) + 1);
    expect(split).toBe([...partsPer.values()].filter((n) => n > 1).length);
    expect(split).toBeGreaterThan(0);
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
