/**
 * The writing baseline at scale, in a process of its own: the named-graph statements of a corpus
 * built into memory first (not timed), then n3's Writer serialising them as N-Quads and as TriG
 * with nothing else to do: its output goes nowhere, so neither quad generation nor the disk is in
 * the figure. Prints one JSON line: {"quads", "seconds"}. bench/scale.ts runs it beside the
 * build's own pass that writes graph.nq and graph.trig.
 *
 *   node --import tsx bench/n3Baseline.ts DIGESTS
 */
import { performance } from 'node:perf_hooks';
import { Writer, type Quad } from 'n3';
import { analyseGraph } from '../src/analyse/analyseGraph.js';
import { Diagnostics } from '../src/diagnostics.js';
import { exportQuads } from '../src/export/rdf/quads.js';
import { RDF_FORMATS } from '../src/export/rdf/rdf.js';
import { DEFAULT_BASE, NS } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { readDigests } from '../src/read/readDigests.js';

const [input] = process.argv.slice(2);
if (input === undefined) {
  console.error('usage: n3Baseline.ts DIGESTS');
  process.exit(2);
}
const { records, files, spellings } = await readDigests([input], { diagnostics: new Diagnostics() });
const taxonomy = loadTaxonomy();
const { graph } = await buildKnowledgeGraph(records, { taxonomy, spellings, digests: files });
const quads: Quad[] = [...exportQuads({ analysis: analyseGraph(graph), taxonomy, base: DEFAULT_BASE }, RDF_FORMATS.nq.namedGraphs)].flat();
globalThis.gc?.();
const start = performance.now();
for (const format of ['nq', 'trig'] as const) {
  await new Promise<void>((resolve, reject) => {
    const writer = new Writer({ write: () => {}, end: () => {} }, { format: RDF_FORMATS[format].n3, prefixes: format === 'trig' ? { ...NS } : {}, end: false });
    writer.addQuads(quads);
    writer.end((error) => (error ? reject(error) : resolve()));
  });
}
process.stdout.write(`${JSON.stringify({ quads: quads.length, seconds: (performance.now() - start) / 1000 })}\n`);
