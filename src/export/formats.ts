import type { Analysis } from '../analyse/analyseGraph.js';
import type { Taxonomy } from '../graph/taxonomy.js';
import { writeGexf } from './gexf.js';
import { writeGraphJson } from './graphJson.js';
import { writeGraphML } from './graphml.js';
import { writeViewer } from './html.js';
import type { DetachedOutput, FileLayout, Output, TemporaryTarget } from './outputFiles.js';
import { RDF_FORMATS, writeRdfOnWorker, type RdfFormat } from './rdf/rdf.js';

/** What every exporter may draw on. */
export interface ExportContext {
  readonly analysis: Analysis;
  readonly taxonomy: Taxonomy;
  /** Base of the IRIs the RDF formats mint. */
  readonly base: string;
  /** N-Triples and N-Quads in parts of at most `bytes` bytes, gzipped or not, for bulk loaders. */
  readonly split?: { readonly bytes: number; readonly gzip: boolean };
}

/**
 * One output format: the files it writes, by name, and how. The names are part of the interface:
 * scripts and users depend on them.
 */
export interface Exporter {
  readonly format: string;
  readonly description: string;
  files(context: ExportContext): Map<string, Output>;
}

export const EXPORTERS: readonly Exporter[] = [
  {
    format: 'graphml',
    description: 'graph.graphml, coauthors.graphml, topics.graphml (Gephi, Cytoscape, yEd, networkx, igraph, Neo4j)',
    files: ({ analysis }) =>
      new Map([
        ['graph.graphml', (sink) => writeGraphML(analysis.graph, sink)],
        ['coauthors.graphml', (sink) => writeGraphML(analysis.coauthors, sink)],
        ['topics.graphml', (sink) => writeGraphML(analysis.topics, sink)],
      ]),
  },
  {
    format: 'gexf',
    description: 'graph.gexf (Gephi, with the layout and colours)',
    files: ({ analysis }) => new Map([['graph.gexf', (sink) => writeGexf(analysis.graph, sink)]]),
  },
  {
    format: 'json',
    description: "graph.json (graphology's serialised graph: Graph.from(json))",
    files: ({ analysis }) => new Map([['graph.json', (sink) => writeGraphJson(analysis.graph, sink)]]),
  },
  {
    format: 'html',
    description: 'index.html (the viewer: one self-contained page, opens from disk)',
    files: ({ analysis }) => new Map([['index.html', (sink) => writeViewer(analysis, sink)]]),
  },
  ...(Object.keys(RDF_FORMATS) as RdfFormat[]).map((format) => ({
    format,
    description: {
      ttl: 'graph.ttl (RDF Turtle: every statement once, in the default graph)',
      nt: 'graph.nt (RDF N-Triples: every statement once)',
      nq: 'graph.nq (RDF N-Quads: one named graph per digest, one for the taxonomy, one for the analysis)',
      trig: 'graph.trig (RDF TriG: the same named graphs as graph.nq)',
    }[format],
    files: (context: ExportContext): Map<string, Output> => {
      const output = rdfOutput(context, [format]);
      return new Map([...output.files.keys()].map((name) => [name, output]));
    },
  })),
];

/** Where one RDF format goes: its file, or with `split` a folder of N-Triples or N-Quads parts. */
function rdfFile(context: ExportContext, format: RdfFormat): [string, FileLayout] {
  const { file, mediaType } = RDF_FORMATS[format];
  if (context.split && (format === 'nt' || format === 'nq')) {
    return [`${file}.parts`, { partBytes: context.split.bytes, gzip: context.split.gzip, extension: format, mediaType }];
  }
  return [file, 'file'];
}

/**
 * The RDF formats chosen, written together on a worker thread while this one writes the other
 * outputs: formats of the same statements share one walk over the snapshot.
 */
function rdfOutput(context: ExportContext, formats: readonly RdfFormat[]): DetachedOutput {
  const files = new Map(formats.map((format) => rdfFile(context, format)));
  const names = [...files.keys()];
  return {
    files,
    start: (targets, onFileDone, stop) =>
      writeRdfOnWorker(
        context,
        formats.map((format, index) => ({ format, target: targets[index] as TemporaryTarget })),
        (format) => onFileDone(names[formats.indexOf(format)] as string),
        stop,
      ),
  };
}

/** Every file the chosen exporters write, by name, in the order of the exporters. */
export function exportOutputs(exporters: readonly Exporter[], context: ExportContext): Map<string, Output> {
  const outputs = new Map<string, Output>();
  for (const exporter of exporters) for (const [name, output] of exporter.files(context)) outputs.set(name, output);
  // One worker for all of them: each would otherwise be sent its own snapshot.
  const rdfFormats = (Object.keys(RDF_FORMATS) as RdfFormat[]).filter((format) => exporters.some((e) => e.format === format));
  if (rdfFormats.length > 1) {
    const output = rdfOutput(context, rdfFormats);
    for (const name of output.files.keys()) outputs.set(name, output);
  }
  return outputs;
}

export const FORMAT_NAMES = EXPORTERS.map((e) => e.format);

/** Parse `--formats graphml,json`; throws with the list of known names on an unknown one. */
export function parseFormats(list: string): Exporter[] {
  const names = list.split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  const unknown = names.filter((n) => !FORMAT_NAMES.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`unknown format ${unknown.map((n) => JSON.stringify(n)).join(', ') || '(none given)'}; known formats: ${FORMAT_NAMES.join(', ')}`);
  }
  return EXPORTERS.filter((e) => names.includes(e.format));
}
