import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analyse/random.js';
import { byDegreeThenKey, rankNodes } from '../../src/graph/ranking.js';

describe('rankNodes', () => {
  it.each([1, 2, 3])('gives the order of one sort by byDegreeThenKey, ties among many (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const graph = new UndirectedGraph();
    // Keys that `<` and a careless comparison would order differently: case, accents, astral, digits.
    const stems = ['author:Zoë', 'author:zoe', 'author:Émile', 'author:emile', 'paper:2601.1', 'paper:2601.10', 'k:𝔸', 'k:ａ', 'k:a'];
    for (let i = 0; i < 400; i++) graph.addNode(`${stems[i % stems.length] as string}${Math.floor(i / stems.length)}`);
    const nodes = graph.nodes();
    for (let e = 0; e < 900; e++) {
      const [a, b] = [nodes[Math.floor(random() * nodes.length)] as string, nodes[Math.floor(random() * nodes.length)] as string];
      if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b);
    }
    const sorted = graph.mapNodes((node) => ({ node, degree: graph.degree(node) })).sort(byDegreeThenKey);
    expect(new Set(sorted.map((r) => r.degree)).size).toBeGreaterThan(3);
    expect([...rankNodes(graph)]).toEqual(sorted);
  });
});
