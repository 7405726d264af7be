import path from 'node:path';
import type { Readable } from 'node:stream';
import { analyseGraph } from './analyse/analyseGraph.js';
import { drawAnalysis } from './analyse/layout.js';
import { formatDiagnostic, type Diagnostics } from './diagnostics.js';
import { exportOutputs, type Exporter } from './export/formats.js';
import { writeAuthorsCsv } from './export/authorsCsv.js';
import { checkOutputFolder, writeOutputs } from './export/outputFiles.js';
import { buildSummary, writeSummary } from './export/summary.js';
import { buildKnowledgeGraph, paperNode } from './graph/buildGraph.js';
import { loadTaxonomy } from './graph/taxonomy.js';
import type { InputSpec } from './read/inputs.js';
import { ParseCache } from './read/parseCache.js';
import { readDigests } from './read/readDigests.js';
import type { PaperRecord, SourceRef } from './read/types.js';

export const SUMMARY_FILE = 'summary.json';
/** Where a build keeps what it can reuse next time, inside the output folder. */
export const CACHE_FOLDER = '.arxiv-kg-cache';
export const AUTHORS_REPORT_FILE = 'authors-report.csv';

export interface BuildOptions {
  readonly outDir: string;
  readonly exporters: readonly Exporter[];
  readonly seed: number;
  readonly resolution: number;
  /** Base of the IRIs the RDF formats mint. */
  readonly base: string;
  /** Reuse and keep parsed digests in `outDir/.arxiv-kg-cache`; default true. */
  readonly cache?: boolean;
  /** N-Triples and N-Quads as folders of parts of at most `bytes` bytes (`graph.nq.parts/`), gzipped or not. */
  readonly split?: { readonly bytes: number; readonly gzip: boolean };
  readonly diagnostics: Diagnostics;
  readonly stdin?: () => Readable;
  /** Called as each stage starts: `reading digests`, `building the graph`… */
  readonly onStage?: (stage: string) => void;
  /** Called as a stage gets through its items: files read, papers mined, files written. */
  readonly onProgress?: (progress: Progress) => void;
}

/** How far a stage has got: `done` of `total` units (files, papers). */
export interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  readonly unit: string;
  /** The file just read or written, when the unit is files. */
  readonly item?: string;
}

export interface BuildResult {
  readonly papers: number;
  /** Names of the files written into `outDir`; empty when nothing was read. */
  readonly written: readonly string[];
  /** What summary.json holds; absent when nothing was read. */
  readonly summary?: object;
  /** Input files taken from the cache rather than parsed. */
  readonly cachedFiles: number;
  /** Input files read. */
  readonly files: number;
}

/**
 * The main job: digests → paper records → knowledge graph → communities and layout → every requested
 * format plus summary.json, written whole or not at all. Writes nothing when no paper was read.
 * Rejects with the file system's error (it has a `code` and a `syscall`) when the outputs cannot be
 * written: before reading anything when the output folder cannot be one (see {@link checkOutputFolder}).
 */
export async function runBuild(inputs: readonly InputSpec[], options: BuildOptions): Promise<BuildResult> {
  const { diagnostics } = options;
  await checkOutputFolder(options.outDir);
  const stage = options.onStage ?? (() => {});
  const progress = (name: string, unit: string) => (done: number, total: number, item?: string) =>
    options.onProgress?.({ stage: name, done, total, unit, ...(item === undefined ? {} : { item }) });

  stage('reading digests');
  const cache = options.cache === false ? undefined : new ParseCache(path.join(options.outDir, CACHE_FOLDER, 'read'));
  const { records, files, spellings, cachedFiles } = await readDigests(inputs, {
    diagnostics,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(cache === undefined ? {} : { cache }),
    onFile: (summary, done, total) => progress('reading digests', 'files')(done, total, summary.file),
  });
  if (records.length === 0) return { papers: 0, written: [], cachedFiles, files: files.length };

  stage('building the graph');
  const taxonomy = loadTaxonomy();
  const { graph, warnings } = await buildKnowledgeGraph(records, {
    taxonomy,
    spellings,
    digests: files,
    onKeywordProgress: progress('building the graph: keywords', 'papers'),
  });
  for (const w of warnings) {
    diagnostics.report({ severity: 'warning', file: w.source.file, line: w.source.line, problem: w.problem, action: w.action });
  }

  stage('finding communities');
  const analysis = await analyseGraph(graph, { seed: options.seed, resolution: options.resolution });
  const byNode = new Map<string, PaperRecord>(records.map((r) => [paperNode(r.id), r]));
  for (const paper of analysis.papersLeftOutOfCoauthors) {
    const record = byNode.get(paper) as PaperRecord;
    const source = record.sources[0] as SourceRef;
    diagnostics.report({
      severity: 'warning',
      file: source.file,
      line: source.line,
      problem: `${record.id} has ${record.authors?.length ?? 0} authors`,
      action: 'left it out of the co-author view (its authors keep it in the full graph)',
    });
  }

  stage('drawing');
  await drawAnalysis(analysis);

  const context = { analysis, taxonomy, base: options.base, ...(options.split ? { split: options.split } : {}) };
  const outputs = exportOutputs(options.exporters, context);
  const summary = buildSummary(analysis, {
    files: files.length,
    entries: files.reduce((n, f) => n + f.entries, 0),
    papers: records.length,
    warnings: diagnostics.problems().map(formatDiagnostic),
  });
  outputs.set(AUTHORS_REPORT_FILE, (sink) => writeAuthorsCsv(analysis.authors, sink));
  outputs.set(SUMMARY_FILE, (sink) => writeSummary(summary, sink));

  stage('writing files');
  await writeOutputs(options.outDir, outputs, (name, done, total) => progress('writing files', 'files')(done, total, name));
  await cache?.prune();
  return { papers: records.length, written: [...outputs.keys()], summary, cachedFiles, files: files.length };
}
