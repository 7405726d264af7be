import type { Analysis, ViewName } from '../analyse/analyseGraph.js';
import { authorsOf, keywordsOf } from '../graph/views.js';
import type { AbstractGraph } from 'graphology-types';
import type { NodePayload, PaperDetails, ViewerPayload, ViewPayload } from './viewerPayload.js';

const TITLES: Record<ViewName, string> = {
  full: 'Full graph',
  coauthors: 'Co-author network',
  topics: 'Topic map',
};

/**
 * A view's part of the payload with its nodes and edges made one at a time, as the page is written:
 * built whole, the co-author network's millions of edges were as many arrays held at once.
 */
export interface ViewParts {
  readonly name: ViewName;
  readonly title: string;
  readonly nodes: Iterable<NodePayload>;
  readonly edges: Iterable<[number, number, number]>;
  readonly communities: ViewPayload['communities'];
}

function* nodesOf(analysis: Analysis, graph: AbstractGraph, attribute: string): Generator<NodePayload> {
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    const full = analysis.graph.getNodeAttributes(key);
    const category = full.type === 'paper' ? full.primary_category : full.type === 'category' ? full.code : undefined;
    const aliases = full.type === 'keyword' ? (full.variants as readonly string[] | undefined) : undefined;
    yield {
      key,
      label: a.label as string,
      type: full.type,
      x: a.x as number,
      y: a.y as number,
      size: a.size as number,
      color: a.color as string,
      community: a[attribute] as number,
      ...(typeof category === 'string' ? { category } : {}),
      ...(aliases && aliases.length > 0 ? { aliases } : {}),
    };
  }
}

function* edgesOf(graph: AbstractGraph): Generator<[number, number, number]> {
  // Edges name their ends by position in the node list.
  const index = new Map<string, number>();
  graph.forEachNode((key) => index.set(key, index.size));
  for (const { source, target, attributes: a } of graph.edgeEntries()) {
    yield [index.get(source) as number, index.get(target) as number, typeof a.weight === 'number' ? a.weight : 1];
  }
}

function viewParts(analysis: Analysis, name: ViewName, graph: AbstractGraph, attribute: string): ViewParts {
  const view = analysis.views.find((v) => v.name === name);
  return {
    name,
    title: TITLES[name],
    nodes: nodesOf(analysis, graph, attribute),
    edges: edgesOf(graph),
    communities: (view?.communities ?? []).map((c) => ({ id: c.id, label: c.label, size: c.size })),
  };
}

/** The three views of {@link ViewerPayload}, in its order. */
export function viewerViews(analysis: Analysis): ViewParts[] {
  return [
    viewParts(analysis, 'full', analysis.graph, 'community'),
    viewParts(analysis, 'coauthors', analysis.coauthors, 'coauthor_community'),
    viewParts(analysis, 'topics', analysis.topics, 'topic_community'),
  ];
}

/** {@link ViewerPayload.papers}, one paper at a time. */
export function* paperDetails(analysis: Analysis): Generator<[string, PaperDetails]> {
  const { graph } = analysis;
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    if (a.type !== 'paper') continue;
    yield [
      key,
      {
        url: a.url as string,
        ...(typeof a.date === 'string' ? { date: a.date } : {}),
        ...(typeof a.tldr === 'string' ? { tldr: a.tldr } : {}),
        ...(typeof a.abstract === 'string' ? { abstract: a.abstract } : {}),
        authors: authorsOf(graph, key),
        categories: graph.outNeighbors(key).filter((n) => graph.getNodeAttribute(n, 'type') === 'category'),
        keywords: keywordsOf(graph, key).map((k) => k.keyword),
      },
    ];
  }
}
