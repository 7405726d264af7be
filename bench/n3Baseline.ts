/**
 * The writing baselines at scale, in a process of its own, one per RDF pass of the build: the
 * statements of a corpus built into memory first (not timed), then n3's Writer serialising them
 * with nothing else to do (its output goes nowhere, so neither quad generation nor the disk is in
 * the figure): the named-graph statements as N-Quads and TriG, the union as Turtle and N-Triples.
 * Prints one JSON line: {"namedGraphs": {"quads", "seconds"}, "union": {"quads", "seconds"}}.
 * bench/scale.ts sets them beside the build's passes that write graph.nq + graph.trig and
 * graph.ttl + graph.nt.
 *
 *   node --import tsx bench/n3Baseline.ts DIGESTS
 */
import type * as RDF from '@rdfjs/types';
import { performance } from 'node:perf_hooks';
import { Writer } from 'n3';
import { analyseGraph } from '../src/analyse/analyseGraph.js';
import { Diagnostics } from '../src/diagnostics.js';
import { exportQuads } from '../src/export/rdf/quads.js';
import { snapshotRdfSource } from '../src/export/rdf/snapshot.js';
import { RDF_FORMATS, type RdfFormat } from '../src/export/rdf/rdf.js';
import { DEFAULT_BASE, NS } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { readDigests } from '../src/read/readDigests.js';
import type { N3Pass } from './scale.js';

const [input] = process.argv.slice(2);
if (input === undefined) {
  console.error('usage: n3Baseline.ts DIGESTS');
  process.exit(2);
}
const { records, files, spellings } = await readDigests([input], { diagnostics: new Diagnostics() });
const taxonomy = loadTaxonomy();
const { graph } = await buildKnowledgeGraph(records, { taxonomy, spellings, digests: files });
const snapshot = snapshotRdfSource({ analysis: await analyseGraph(graph), taxonomy, base: DEFAULT_BASE });

/** n3 serialising one pass's statements, held in memory, in each of its formats; the quads are let go after. */
async function timePass(formats: readonly RdfFormat[]): Promise<N3Pass> {
  const { namedGraphs } = RDF_FORMATS[formats[0] as RdfFormat];
  const quads: RDF.Quad[] = [...exportQuads(snapshot, namedGraphs)].flat();
  globalThis.gc?.();
  const start = performance.now();
  for (const format of formats) {
    const { n3 } = RDF_FORMATS[format];
    await new Promise<void>((resolve, reject) => {
      const writer = new Writer({ write: () => {}, end: () => {} }, { format: n3, prefixes: n3 === 'Turtle' || n3 === 'TriG' ? { ...NS } : {}, end: false });
      writer.addQuads(quads);
      writer.end((error) => (error ? reject(error) : resolve()));
    });
  }
  return { quads: quads.length, seconds: (performance.now() - start) / 1000 };
}

const namedGraphs = await timePass(['nq', 'trig']);
const union = await timePass(['ttl', 'nt']);
process.stdout.write(`${JSON.stringify({ namedGraphs, union })}\n`);
