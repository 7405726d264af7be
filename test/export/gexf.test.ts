import path from 'node:path';
import { MultiGraph, UndirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { AbstractGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { writeGexf } from '../../src/export/gexf.js';
import type { TextSink } from '../../src/export/outputFiles.js';
import { drawnAnalysis } from '../helpers/drawnAnalysis.js';

async function ours(graph: AbstractGraph): Promise<{ text: string; writes: number }> {
  const parts: string[] = [];
  const sink: TextSink = { write: async (t) => void parts.push(t), append: (t) => void parts.push(t), full: false, flush: async () => {} };
  await writeGexf(graph, sink);
  return { text: parts.join(''), writes: parts.length };
}

describe('writeGexf', () => {
  it("writes, element by element, the document graphology-gexf's writer makes", async () => {
    const analysis = await drawnAnalysis(path.join(import.meta.dirname, '..', 'fixtures', 'hostile-digest.md'));
    for (const graph of [analysis.graph, analysis.coauthors, analysis.topics] as AbstractGraph[]) {
      const { text, writes } = await ours(graph);
      expect(text).toBe(write(graph, { version: '1.3', pretty: true }));
      expect(writes).toBeGreaterThan(graph.order);
    }
  });

  it('handles empty graphs, lists, doubles, rgb colours and undirected edges in a directed file', async () => {
    const empty = new UndirectedGraph();
    expect((await ours(empty)).text).toBe(write(empty, { version: '1.3', pretty: true }));
    const graph = new MultiGraph();
    graph.addNode('a', { label: 'A "quoted" <node>', tags: ["it's", 'plain', 'tab\there'], score: 0.5, big: 2 ** 40, color: 'rgb(1, 2, 3)' });
    graph.addNode('b', { flag: true, empty: '' });
    graph.addNode('c');
    graph.addEdge('a', 'b', { weight: 2, kind: 'k', size: 3 });
    graph.addUndirectedEdge('b', 'c', { weight: 'heavy' });
    expect((await ours(graph)).text).toBe(write(graph, { version: '1.3', pretty: true }));
  });
});
