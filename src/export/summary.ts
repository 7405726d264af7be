import type { AbstractGraph } from 'graphology-types';
import type { Analysis, ViewAnalysis } from '../analyse/analyseGraph.js';
import { MAX_AUTHORS_FOR_COAUTHORSHIP } from '../graph/views.js';
import type { TextSink } from './outputFiles.js';

/** How many items summary.json lists by name per view or section (the largest first); the rest are counted. */
const LISTED = 50;

export interface BuildFacts {
  readonly files: number;
  readonly entries: number;
  readonly papers: number;
  /** Every problem reported while reading and building, as `file:line: what; what was done`. */
  readonly warnings: readonly string[];
}

function countBy(graph: AbstractGraph, elements: 'nodes' | 'edges'): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (type: unknown): void => {
    const key = typeof type === 'string' ? type : 'untyped';
    counts[key] = (counts[key] ?? 0) + 1;
  };
  if (elements === 'nodes') graph.forEachNode((_, a) => add(a.type));
  else graph.forEachEdge((_, a) => add(a.type));
  return counts;
}

const VIEW_FILES: Record<ViewAnalysis['name'], { file: string; graph: (a: Analysis) => AbstractGraph; note: string }> = {
  full: {
    file: 'graph.graphml',
    graph: (a) => a.graph,
    note: 'Louvain on papers, authors and keywords (category hubs left out); each category then joins the community holding most of its papers',
  },
  coauthors: {
    file: 'coauthors.graphml',
    graph: (a) => a.coauthors,
    note: `authors linked by joint papers (weight); papers with more than ${MAX_AUTHORS_FOR_COAUTHORSHIP} authors left out`,
  },
  topics: {
    file: 'topics.graphml',
    graph: (a) => a.topics,
    note: 'papers linked to their keywords (weight = relevance)',
  },
};

/** What a build made: counts, communities per view with their labels, parameters, warnings. No timestamps. */
export function buildSummary(analysis: Analysis, facts: BuildFacts): object {
  const views: Record<string, object> = {};
  for (const view of analysis.views) {
    const { file, graph, note } = VIEW_FILES[view.name];
    const { partition } = view;
    views[view.name] = {
      file,
      description: note,
      nodes: countBy(graph(analysis), 'nodes'),
      edges: countBy(graph(analysis), 'edges'),
      community_attribute: view.attribute,
      algorithm: 'Louvain (graphology-communities-louvain), disconnected communities split into their components',
      parameters: { seed: partition.seed, resolution: partition.resolution, edge_weight: 'weight' },
      optimised_graph: view.optimised,
      modularity: Math.round(partition.modularity * 1e6) / 1e6,
      communities: partition.count,
      disconnected_communities_split: partition.disconnectedSplit,
      largest_communities: view.communities.slice(0, LISTED).map((c) => ({
        id: c.id,
        label: c.label,
        size: c.size,
        top_members: c.topMembers,
      })),
    };
  }
  const flagged = analysis.authors.filter((a) => a.flags.length > 0);
  const flagCount = (prefix: string): number => flagged.filter((a) => a.flags.some((f) => f.startsWith(prefix))).length;
  return {
    inputs: { files: facts.files, entries: facts.entries, papers: facts.papers },
    graph: { nodes: countBy(analysis.graph, 'nodes'), edges: countBy(analysis.graph, 'edges') },
    views,
    authors: {
      file: 'authors-report.csv',
      people: analysis.authors.length,
      people_with_merged_spellings: analysis.authors.filter((a) => a.spellings.length > 1).length,
      flagged: {
        same_name_without_diacritics: flagCount('same name without diacritics'),
        initials_match: flagCount('initials match'),
        coauthor_groups_never_touch: flagCount('co-authors in'),
      },
      merged_spellings: analysis.authors.filter((a) => a.spellings.length > 1).slice(0, LISTED).map((a) => ({ name: a.name, spellings: a.spellings })),
      flags: flagged.slice(0, LISTED).map((a) => ({ name: a.name, papers: a.papers, flags: a.flags })),
    },
    warnings: facts.warnings,
  };
}

export async function writeSummary(summary: object, sink: TextSink): Promise<void> {
  await sink.write(`${JSON.stringify(summary, null, 2)}\n`);
}
