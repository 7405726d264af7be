import type { Analysis } from '../analyse/analyseGraph.js';
import { writeGexf } from './gexf.js';
import { writeGraphJson } from './graphJson.js';
import { writeGraphML } from './graphml.js';
import type { FileWriter } from './outputFiles.js';

/**
 * One output format: the files it writes, by name, and how. The names are part of the interface:
 * scripts and users depend on them.
 */
export interface Exporter {
  readonly format: string;
  readonly description: string;
  files(analysis: Analysis): Map<string, FileWriter>;
}

export const EXPORTERS: readonly Exporter[] = [
  {
    format: 'graphml',
    description: 'graph.graphml, coauthors.graphml, topics.graphml (Gephi, Cytoscape, yEd, networkx, igraph, Neo4j)',
    files: (analysis) =>
      new Map([
        ['graph.graphml', (sink) => writeGraphML(analysis.graph, sink)],
        ['coauthors.graphml', (sink) => writeGraphML(analysis.coauthors, sink)],
        ['topics.graphml', (sink) => writeGraphML(analysis.topics, sink)],
      ]),
  },
  {
    format: 'gexf',
    description: 'graph.gexf (Gephi, with the layout and colours)',
    files: (analysis) => new Map([['graph.gexf', (sink) => writeGexf(analysis.graph, sink)]]),
  },
  {
    format: 'json',
    description: "graph.json (graphology's serialised graph: Graph.from(json))",
    files: (analysis) => new Map([['graph.json', (sink) => writeGraphJson(analysis.graph, sink)]]),
  },
];

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
