/**
 * RDF writing on the whole corpus, per format: statements per second and the memory writing adds,
 * against n3 alone serialising the same statements already held in memory into one string (the
 * baseline, measured in the same run).
 */
import type * as RDF from '@rdfjs/types';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writer } from 'n3';
import { analyseGraph } from '../src/analyse/analyseGraph.js';
import { Diagnostics } from '../src/diagnostics.js';
import { writeOutputs } from '../src/export/outputFiles.js';
import { exportQuads } from '../src/export/rdf/quads.js';
import { snapshotRdfSource, type RdfSource } from '../src/export/rdf/snapshot.js';
import { RDF_FORMATS, writeRdf, type RdfFormat } from '../src/export/rdf/rdf.js';
import { DEFAULT_BASE } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { readDigests } from '../src/read/readDigests.js';
import { fixed, time } from './timing.js';

/** Run `work` while sampling the resident set size; returns the peak and what it added. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ ms: number; result: T; peakMb: number; addedMb: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  const { ms, result } = await time(work);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, result, peakMb: peak / 2 ** 20, addedMb: (peak - start) / 2 ** 20 };
}

export async function benchRdf(corpus: string): Promise<void> {
  const { records, files, spellings } = await readDigests([corpus], { diagnostics: new Diagnostics() });
  const taxonomy = loadTaxonomy();
  const { graph } = await buildKnowledgeGraph(records, {
    taxonomy,
    spellings,
    digests: files,
  });
  const source: RdfSource = { analysis: await analyseGraph(graph), taxonomy, base: DEFAULT_BASE };
  const dir = await mkdtemp(path.join(tmpdir(), 'arxiv-kg-bench-rdf-'));

  console.log(`== RDF: ${records.length} papers; ours streams to a file, the baseline is n3 writing the same quads held in memory to a string`);
  console.log(['format', 'statements', 'ours s', 'ours st/s', 'ours +RSS MB', 'ours peak RSS MB', 'n3 s', 'n3 st/s', 'n3 +RSS MB', 'n3 peak RSS MB', 'time ours/n3', 'MB on disk'].join('\t'));
  for (const format of Object.keys(RDF_FORMATS) as RdfFormat[]) {
    const { n3, namedGraphs, file } = RDF_FORMATS[format];
    globalThis.gc?.();
    const ours = await withPeakRss(() => writeOutputs(dir, new Map([[file, (sink) => writeRdf(source, format, sink)]])));
    const quads: RDF.Quad[] = [...exportQuads(snapshotRdfSource(source), namedGraphs)].flat();
    globalThis.gc?.();
    const baseline = await withPeakRss(
      () =>
        new Promise<number>((resolve, reject) => {
          const writer = new Writer({ format: n3 });
          writer.addQuads(quads);
          writer.end((error, text: string) => (error ? reject(error) : resolve(text.length)));
        }),
    );
    const size = (await stat(path.join(dir, file))).size / 1e6;
    console.log(
      [format, quads.length, fixed(ours.ms / 1000, 2), Math.round(quads.length / (ours.ms / 1000)), fixed(ours.addedMb, 0), fixed(ours.peakMb, 0), fixed(baseline.ms / 1000, 2), Math.round(quads.length / (baseline.ms / 1000)), fixed(baseline.addedMb, 0), fixed(baseline.peakMb, 0), fixed(ours.ms / baseline.ms, 2), fixed(size, 1)].join('\t'),
    );
  }
  await rm(dir, { recursive: true, force: true });
}
