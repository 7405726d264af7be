import { write } from 'graphology-gexf';
import type { AbstractGraph } from 'graphology-types';
import type { TextSink } from './outputFiles.js';

/**
 * GEXF 1.3 through graphology-gexf: `x`, `y`, `size` and `color` become viz attributes, so Gephi opens
 * the map as drawn. (1.3, not the library's default 1.2: its 1.2 viz namespace URI is misspelt and
 * Gephi would not find the drawing.)
 */
export async function writeGexf(graph: AbstractGraph, sink: TextSink): Promise<void> {
  await sink.write(write(graph, { version: '1.3', pretty: true }));
}
