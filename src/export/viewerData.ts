import type { Analysis, ViewName } from '../analyse/analyseGraph.js';
import { rankNodes } from '../graph/ranking.js';
import { authorsOf, keywordsOf } from '../graph/views.js';
import type { AbstractGraph } from 'graphology-types';
import type { NodePayload, PaperDetails, ViewerPayload, ViewPayload } from './viewerPayload.js';

const TITLES: Record<ViewName, string> = {
  full: 'Full graph',
  coauthors: 'Co-author network',
  topics: 'Topic map',
};

/** How much of a view one page carries. */
export interface PageLimits {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * What a browser draws and drags without freezing. The viewer bench: a co-author network of 21k
 * nodes and 87k edges draws its first frame in 1.5 s and pans at a 17 ms median frame; the 100k-paper
 * co-author network, 441k nodes and 2.8M edges, froze the page. Every view of the corpus fits.
 */
export const DEFAULT_PAGE_LIMITS: PageLimits = { nodes: 40_000, edges: 150_000 };

/**
 * The nodes a page carries of a view over the limits: the best-connected (degree, then key, as the
 * viewer ranks them), as many as fit both limits with the edges among them; undefined when the
 * whole view fits.
 */
function pageNodes(graph: AbstractGraph, limits: PageLimits): Set<string> | undefined {
  if (graph.order <= limits.nodes && graph.size <= limits.edges) return undefined;
  const kept = new Set<string>();
  let edges = 0;
  for (const { node } of rankNodes(graph)) {
    if (kept.size === limits.nodes) break;
    // Each node brings its edges to the nodes already kept.
    let added = 0;
    graph.forEachNeighbor(node, (neighbor) => {
      if (kept.has(neighbor)) added++;
    });
    if (edges + added > limits.edges) break;
    edges += added;
    kept.add(node);
  }
  return kept;
}

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
  readonly omitted?: ViewPayload['omitted'];
  /** Whether the page carries a node of the view. */
  readonly carries: (node: string) => boolean;
}

function* nodesOf(analysis: Analysis, graph: AbstractGraph, attribute: string, kept: Set<string> | undefined): Generator<NodePayload> {
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    if (kept !== undefined && !kept.has(key)) continue;
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

function* edgesOf(graph: AbstractGraph, kept: Set<string> | undefined): Generator<[number, number, number]> {
  // Edges name their ends by position in the node list.
  const index = new Map<string, number>();
  graph.forEachNode((key) => {
    if (kept === undefined || kept.has(key)) index.set(key, index.size);
  });
  for (const { source, target, attributes: a } of graph.edgeEntries()) {
    const [s, t] = [index.get(source), index.get(target)];
    if (s !== undefined && t !== undefined) yield [s, t, typeof a.weight === 'number' ? a.weight : 1];
  }
}

function viewParts(analysis: Analysis, name: ViewName, graph: AbstractGraph, attribute: string, limits: PageLimits): ViewParts {
  const view = analysis.views.find((v) => v.name === name);
  const kept = pageNodes(graph, limits);
  let omitted: ViewParts['omitted'];
  if (kept !== undefined) {
    let keptEdges = 0;
    graph.forEachEdge((_, _a, source, target) => {
      if (kept.has(source) && kept.has(target)) keptEdges++;
    });
    omitted = { nodes: graph.order - kept.size, edges: graph.size - keptEdges };
  }
  return {
    name,
    title: TITLES[name],
    nodes: nodesOf(analysis, graph, attribute, kept),
    edges: edgesOf(graph, kept),
    communities: (view?.communities ?? []).map((c) => ({ id: c.id, label: c.label, size: c.size })),
    ...(omitted === undefined ? {} : { omitted }),
    carries: kept === undefined ? (node) => graph.hasNode(node) : (node) => kept.has(node),
  };
}

/** The three views of {@link ViewerPayload}, in its order, each cut to `limits` when it is bigger. */
export function viewerViews(analysis: Analysis, limits: PageLimits = DEFAULT_PAGE_LIMITS): ViewParts[] {
  return [
    viewParts(analysis, 'full', analysis.graph, 'community', limits),
    viewParts(analysis, 'coauthors', analysis.coauthors, 'coauthor_community', limits),
    viewParts(analysis, 'topics', analysis.topics, 'topic_community', limits),
  ];
}

/** {@link ViewerPayload.papers}, one paper at a time: every paper, or when a view was cut, those some view carries. */
export function* paperDetails(analysis: Analysis, views: readonly ViewParts[]): Generator<[string, PaperDetails]> {
  const { graph } = analysis;
  const cut = views.some((v) => v.omitted !== undefined);
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    if (a.type !== 'paper') continue;
    if (cut && !views.some((v) => v.carries(key))) continue;
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
