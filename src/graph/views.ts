import { UndirectedGraph } from 'graphology';
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

/**
 * Papers with more authors than this (consortium papers: 3,303 names on one Gemini report) are left
 * out of the co-author view: a clique of millions of edges says nothing about who works with whom.
 * Their authors keep every paper in the full graph.
 */
export const MAX_AUTHORS_FOR_COAUTHORSHIP = 100;

function emptyView(): View {
  return new UndirectedGraph({ allowSelfLoops: false });
}

function addWeight(view: View, source: string, target: string, type: string, weight: number): void {
  const edge = view.edge(source, target);
  if (edge === undefined) view.addEdgeWithKey(`e${view.size}`, source, target, { type, weight });
  else view.updateEdgeAttribute(edge, 'weight', (w) => (w ?? 0) + weight);
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
  const view = emptyView();
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
      for (let j = i + 1; j < authors.length; j++) addWeight(view, authors[i] as string, authors[j] as string, 'coauthored', 1);
    }
  }
  return { view, papersLeftOut };
}

/**
 * The topic map: papers and keywords, each paper linked to its keywords weighted by relevance. Kept
 * bipartite rather than projected onto keyword co-occurrence or paper similarity (see README).
 */
export function topicView(graph: KnowledgeGraph): View {
  const view = emptyView();
  for (const node of graph.nodes()) {
    const a = graph.getNodeAttributes(node);
    if (a.type === 'keyword') view.addNode(node, { type: a.type, label: a.label });
    // Papers keep their primary category: colouring by it, and scoring topics against it.
    else if (a.type === 'paper') view.addNode(node, { type: a.type, label: a.label, ...(a.primary_category === undefined ? {} : { primary_category: a.primary_category }) });
  }
  graph.forEachEdge((_, a, source, target) => {
    if (a.type === 'has_keyword') addWeight(view, source, target, a.type, a.weight as number);
  });
  return view;
}

/**
 * The full graph as Louvain optimises it: undirected, weighted (authorship 1, keywords by relevance),
 * with the category hubs left out: a hub that every cs.CV paper touches would glue unrelated topics.
 */
export function fullGraphWithoutCategories(graph: KnowledgeGraph): View {
  const view = emptyView();
  graph.forEachNode((node, a) => {
    if (a.type !== 'category') view.addNode(node, { type: a.type, label: a.label });
  });
  graph.forEachEdge((_, a, source, target) => {
    if (a.type === 'authored') addWeight(view, source, target, a.type, 1);
    else if (a.type === 'has_keyword') addWeight(view, source, target, a.type, a.weight as number);
  });
  return view;
}
