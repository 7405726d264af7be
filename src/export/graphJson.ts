import type { AbstractGraph, Attributes } from 'graphology-types';
import type { TextSink } from './outputFiles.js';

const hasAny = (attributes: Attributes): boolean => Object.keys(attributes).length > 0;

/**
 * graphology's serialised form (what `graph.export()` gives, read back with `Graph.from`), one node or
 * edge per line: written node by node from the graph, so neither the exported object nor the text is
 * ever held whole, and a change to one node is a one-line diff.
 */
export async function writeGraphJson(graph: AbstractGraph, sink: TextSink): Promise<void> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  await sink.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  // A line per node and per edge: appended, so that writing waits once per flush (see TextSink).
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    sink.append(`${first ? '' : ','}\n${JSON.stringify(hasAny(attributes) ? { key: node, attributes } : { key: node })}`);
    if (sink.full) await sink.flush();
    first = false;
  }
  await sink.write('\n],"edges":[');
  first = true;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const serialised = {
      key: edge,
      source,
      target,
      ...(hasAny(attributes) ? { attributes } : {}),
      ...(graph.type === 'mixed' && undirected ? { undirected: true } : {}),
    };
    sink.append(`${first ? '' : ','}\n${JSON.stringify(serialised)}`);
    if (sink.full) await sink.flush();
    first = false;
  }
  await sink.write('\n]}\n');
}
