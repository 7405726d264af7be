/**
 * The libraries' own work at scale, in a process of its own, with nothing else running: the
 * statements, graph and views of a corpus built into memory first (not timed), then each library
 * doing its part of the build alone, timed on this thread:
 * - n3's Writer serialising the statements (its output goes nowhere, so neither quad generation nor
 *   the disk is in the figure), one RDF pass of the build each: the named-graph statements as
 *   N-Quads and TriG, the union as Turtle and N-Triples;
 * - graphology adding the nodes and edges, with their attributes, of the knowledge graph and of the
 *   three views Louvain runs on (`import` of each one's export: insertion only), and the heap its
 *   structures for each then hold;
 * - graphology-communities-louvain on each of the three views, seeded as the build seeds it;
 * - wink-nlp tagging every title and abstract as the keyword miner asks it to (read, then each
 *   token's text, tag and spacing), with one tagger.
 * bench/scale.ts sets n3's passes beside the build's passes that write the same files, and adds
 * them all up: the work these libraries do for a build, which no code of ours around them can
 * remove, against the CPU time the targets allow.
 * Prints one JSON line: {@link LibraryFigures}.
 *
 *   node --expose-gc --import tsx bench/libraryBaseline.ts DIGESTS
 */
import type * as RDF from '@rdfjs/types';
import graphology from 'graphology';
import type { AbstractGraph, SerializedGraph } from 'graphology-types';
import { Writer } from 'n3';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import taggerModel from 'wink-eng-lite-web-model';
import { analyseGraph } from '../src/analyse/analyseGraph.js';
import { DEFAULT_SEED } from '../src/analyse/communities.js';
import { louvain } from '../src/analyse/interop.js';
import { seededRandom } from '../src/analyse/random.js';
import { Diagnostics } from '../src/diagnostics.js';
import { exportQuads } from '../src/export/rdf/quads.js';
import { snapshotRdfSource } from '../src/export/rdf/snapshot.js';
import { RDF_FORMATS, type RdfFormat } from '../src/export/rdf/rdf.js';
import { DEFAULT_BASE, NS } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { fullViewEdges, weightedView } from '../src/graph/views.js';
import { readDigests } from '../src/read/readDigests.js';

/** One library's part of the work, on one thread. */
export interface LibraryPart {
  /** What was done, e.g. "graphology: the co-author view (441,277 nodes, 2,756,715 edges)". */
  readonly what: string;
  readonly seconds: number;
  /**
   * For a graph: the heap graphology's structures for it hold, after a full collection (the
   * attribute values are the export's, so not counted).
   */
  readonly heapMegabytes?: number;
}

/** n3 alone serialising one RDF pass's statements: how many, and how long it took. */
export interface N3Pass {
  readonly quads: number;
  readonly seconds: number;
}

export interface LibraryFigures {
  readonly namedGraphs: N3Pass;
  readonly union: N3Pass;
  /** graphology building each graph, Louvain on each view, wink tagging: in that order. */
  readonly parts: LibraryPart[];
}

const { DirectedGraph, UndirectedGraph } = graphology;

const [input] = process.argv.slice(2);
if (input === undefined) {
  console.error('usage: libraryBaseline.ts DIGESTS');
  process.exit(2);
}
const seconds = (start: number): number => (performance.now() - start) / 1000;
const { records, files, spellings } = await readDigests([input], { diagnostics: new Diagnostics() });
const taxonomy = loadTaxonomy();
const { graph } = await buildKnowledgeGraph(records, { taxonomy, spellings, digests: files });
const analysis = await analyseGraph(graph);
const snapshot = snapshotRdfSource({ analysis, taxonomy, base: DEFAULT_BASE });

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
  return { quads: quads.length, seconds: seconds(start) };
}

const namedGraphs = await timePass(['nq', 'trig']);
const union = await timePass(['ttl', 'nt']);

const count = (n: number): string => n.toLocaleString('en-US');
const sizeOf = (g: AbstractGraph): string => `${count(g.order)} nodes, ${count(g.size)} edges`;

// Each graph's export is made, then imported into an empty graph of the same kind: the import is
// graphology's insertion work alone. One export at a time is held.
const parts: LibraryPart[] = [];
function timedImport(name: string, serialized: SerializedGraph, into: AbstractGraph): AbstractGraph {
  const before = heapAfterCollection();
  const start = performance.now();
  into.import(serialized);
  const took = seconds(start);
  parts.push({ what: `graphology: ${name} (${sizeOf(into)})`, seconds: took, heapMegabytes: (heapAfterCollection() - before) / 2 ** 20 });
  return into;
}
function heapAfterCollection(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}
timedImport('the knowledge graph', graph.export(), new DirectedGraph({ allowSelfLoops: false }));
const views = (
  [
    ['the full view', () => weightedView(fullViewEdges(graph))],
    ['the co-author view', () => analysis.coauthors],
    ['the topic view', () => analysis.topics],
  ] as const
).map(([name, view]) => ({ name, view: timedImport(name, view().export(), new UndirectedGraph({ allowSelfLoops: false })) }));
for (const { name, view } of views) {
  globalThis.gc?.();
  const start = performance.now();
  louvain(view, { getEdgeWeight: 'weight', rng: seededRandom(DEFAULT_SEED) });
  parts.push({ what: `graphology-communities-louvain: ${name}`, seconds: seconds(start) });
}
// The copies are let go before tagging.
views.length = 0;

// The texts the keyword miner tags: every title and every abstract.
const texts = records.flatMap((r) => [r.title ?? '', r.abstract ?? '']).filter((text) => text !== '');
const nlp = winkNLP(taggerModel, ['pos']);
globalThis.gc?.();
const tagging = performance.now();
for (const text of texts) {
  const tokens = nlp.readDoc(text).tokens();
  tokens.out(nlp.its.value);
  tokens.out(nlp.its.pos);
  tokens.out(nlp.its.precedingSpaces);
}
parts.push({ what: `wink-nlp: tagging ${count(texts.length)} titles and abstracts`, seconds: seconds(tagging) });

const figures: LibraryFigures = { namedGraphs, union, parts };
process.stdout.write(`${JSON.stringify(figures)}\n`);
