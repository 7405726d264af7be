/**
 * arxiv-kg as a library. The stages are exported in the order data flows through them, each usable on
 * its own: digests → paper records (`readDigests`) → knowledge graph (`buildKnowledgeGraph`) →
 * communities and layout (`analyseGraph`, `drawAnalysis`) → files (`exportOutputs`, `writeOutputs`).
 * `runBuild` is all of them, as `arxiv-kg build` runs them.
 */
export { runBuild, type BuildOptions, type BuildResult, type Progress } from './build.js';
export { Diagnostics, formatDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';

export { readDigests, type FileSummary, type ReadOptions, type ReadResult } from './read/readDigests.js';
export type { InputSpec } from './read/inputs.js';
export type { PaperRecord, SourceRef } from './read/types.js';

export { buildKnowledgeGraph, type BuildGraphOptions, type BuildWarning, type KnowledgeGraph } from './graph/buildGraph.js';
export { loadTaxonomy, type Taxonomy } from './graph/taxonomy.js';
export type { View } from './graph/views.js';

export { analyseGraph, type Analysis, type ViewAnalysis } from './analyse/analyseGraph.js';
export { DEFAULT_RESOLUTION, DEFAULT_SEED, type CommunityOptions, type Partition } from './analyse/communities.js';
export { drawAnalysis } from './analyse/layout.js';

export { EXPORTERS, exportOutputs, parseFormats, type ExportContext, type Exporter } from './export/formats.js';
export { writeOutputs, type Output, type TextSink } from './export/outputFiles.js';
export { writeGraphML } from './export/graphml.js';
export { writeGexf } from './export/gexf.js';
export { RDF_FORMATS, writeRdf, type RdfFormat } from './export/rdf/rdf.js';
export { DEFAULT_BASE } from './export/rdf/vocabulary.js';
