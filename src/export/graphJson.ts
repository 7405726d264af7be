import type { AbstractGraph } from 'graphology-types';
import type { TextSink } from './outputFiles.js';

/**
 * graphology's serialised form (`graph.export()`, read back with `Graph.from`), one node or edge per
 * line: the text is streamed, and a change to one node is a one-line diff.
 */
export async function writeGraphJson(graph: AbstractGraph, sink: TextSink): Promise<void> {
  const { options, attributes, nodes, edges } = graph.export();
  await sink.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes)},"nodes":[`);
  for (const [i, node] of nodes.entries()) await sink.write(`${i === 0 ? '' : ','}\n${JSON.stringify(node)}`);
  await sink.write('\n],"edges":[');
  for (const [i, edge] of edges.entries()) await sink.write(`${i === 0 ? '' : ','}\n${JSON.stringify(edge)}`);
  await sink.write('\n]}\n');
}
