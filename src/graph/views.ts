import { UndirectedGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import type { AttributeValue, KnowledgeGraph, NodeType } from './buildGraph.js';

export interface ViewNodeAttributes {
  type: NodeType;
  label: string;
  [name: string]: AttributeValue;
}
export interface ViewEdgeAttributes {
  /** What links the two nodes: `coauthored`, `authored`, `has_keyword`. */
  type: string;
  weight: number;
  [name: string]: AttributeValue;
}

/** A derived view: undirected and weighted, its nodes keyed as in the knowledge graph. */
export type View = UndirectedGraph<ViewNodeAttributes, ViewEdgeAttributes>;

/** What Louvain reads of a view: its nodes and its weighted edges, whatever else they carry. */
export type WeightedView = UndirectedGraph<Attributes, { weight: number }>;

/**
 * Papers with more authors than this (consortium papers: 3,303 names on one Gemini report) are left
 * out of the co-author view: a clique of millions of edges says nothing about who works with whom.
 * Their authors keep every paper in the full graph.
 */
export const MAX_AUTHORS_FOR_COAUTHORSHIP = 100;

function emptyView<N extends Attributes, E extends { weight: number }>(): UndirectedGraph<N, E> {
  return new UndirectedGraph<N, E>({ allowSelfLoops: false });
}

/** Adds an edge, or the weight to the edge the two nodes already have. */
function addWeight<E extends { weight: number }>(view: UndirectedGraph<Attributes, E>, source: string, target: string, attributes: E): void {
  const edge = view.edge(source, target);
  if (edge === undefined) view.addEdgeWithKey(`e${view.size}`, source, target, attributes);
  else (view.getEdgeAttributes(edge) as { weight: number }).weight += attributes.weight;
}

/** The authors of a paper in printed order. */
export function authorsOf(graph: KnowledgeGraph, paper: string): string[] {
  // The edges hand over their attributes and ends: no lookup by edge key (the RDF and the co-author
  // view ask this of every paper).
  const byPosition: { author: string; position: number }[] = [];
  graph.forEachInEdge(paper, (_, a, source) => {
    if (a.type === 'authored') byPosition.push({ author: source, position: a.position as number });
  });
  return byPosition.sort((a, b) => a.position - b.position).map(({ author }) => author);
}

/** The keywords of a paper with their relevance. */
export function keywordsOf(graph: KnowledgeGraph, paper: string): { keyword: string; weight: number }[] {
  const keywords: { keyword: string; weight: number }[] = [];
  graph.forEachOutEdge(paper, (_, a, __, target) => {
    if (a.type === 'has_keyword') keywords.push({ keyword: target, weight: a.weight as number });
  });
  return keywords;
}

function nodesOfType(graph: KnowledgeGraph, type: NodeType): string[] {
  return graph.filterNodes((_, a) => a.type === type);
}

/**
 * The co-author network: every author, and an edge between two authors weighted by their joint
 * papers. Also returns the papers left out for their author count.
 */
export function coauthorView(graph: KnowledgeGraph): { view: View; papersLeftOut: string[] } {
  const view = emptyView<ViewNodeAttributes, ViewEdgeAttributes>();
  for (const author of nodesOfType(graph, 'author')) {
    const a = graph.getNodeAttributes(author);
    view.addNode(author, { type: 'author', label: a.label, paper_count: a.paper_count as number });
  }
  const papersLeftOut: string[] = [];
  for (const paper of nodesOfType(graph, 'paper')) {
    const authors = authorsOf(graph, paper);
    if (authors.length > MAX_AUTHORS_FOR_COAUTHORSHIP) {
      papersLeftOut.push(paper);
      continue;
    }
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) addWeight(view, authors[i] as string, authors[j] as string, { type: 'coauthored', weight: 1 });
    }
  }
  return { view, papersLeftOut };
}

/**
 * The topic map: papers and keywords, each paper linked to its keywords weighted by relevance. Kept
 * bipartite rather than projected onto keyword co-occurrence or paper similarity (see README).
 */
export function topicView(graph: KnowledgeGraph): View {
  const view = emptyView<ViewNodeAttributes, ViewEdgeAttributes>();
  for (const node of graph.nodes()) {
    const a = graph.getNodeAttributes(node);
    if (a.type === 'keyword') view.addNode(node, { type: a.type, label: a.label });
    // Papers keep their primary category: colouring by it, and scoring topics against it.
    else if (a.type === 'paper') view.addNode(node, { type: a.type, label: a.label, ...(a.primary_category === undefined ? {} : { primary_category: a.primary_category }) });
  }
  graph.forEachEdge((_, a, source, target) => {
    if (a.type === 'has_keyword') addWeight(view, source, target, { type: a.type, weight: a.weight as number });
  });
  return view;
}

/**
 * A weighted view as plain data, to be sent to another thread: node keys, and edges as index pairs
 * with their weights. Both in the graph's order, which is what makes Louvain's partition the same.
 */
export interface WeightedEdgeList {
  readonly nodes: readonly string[];
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

/**
 * The full graph as Louvain optimises it: undirected, weighted (authorship 1, keywords by relevance),
 * with the category hubs left out: a hub that every cs.CV paper touches would glue unrelated topics.
 */
export function fullViewEdges(graph: KnowledgeGraph): WeightedEdgeList {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((node, a) => {
    if (a.type === 'category') return;
    index.set(node, nodes.length);
    nodes.push(node);
  });
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  const weights = new Float64Array(graph.size);
  let edges = 0;
  graph.forEachEdge((_, a, source, target) => {
    if (a.type === 'in_category') return;
    sources[edges] = index.get(source) as number;
    targets[edges] = index.get(target) as number;
    weights[edges++] = a.type === 'authored' ? 1 : (a.weight as number);
  });
  return { nodes, sources: sources.slice(0, edges), targets: targets.slice(0, edges), weights: weights.slice(0, edges) };
}

/** The view an edge list stands for; edges between the same two nodes add up. */
export function weightedView(list: WeightedEdgeList): WeightedView {
  const view = emptyView<Attributes, { weight: number }>();
  for (const node of list.nodes) view.addNode(node);
  for (let e = 0; e < list.weights.length; e++) {
    addWeight(view, list.nodes[list.sources[e] as number] as string, list.nodes[list.targets[e] as number] as string, { weight: list.weights[e] as number });
  }
  return view;
}
