import type { AbstractGraph } from 'graphology-types';

/** A node with its degree, looked up once: a comparator that asked the graph would ask n log n times. */
export interface RankedNode {
  readonly node: string;
  readonly degree: number;
}

/**
 * Best-connected first, ties by key: the one order in which the layout places a community's members,
 * a page keeps a big view's nodes and the viewer keeps them under its size limit.
 */
export function byDegreeThenKey(a: RankedNode, b: RankedNode): number {
  return b.degree - a.degree || (a.node < b.node ? -1 : 1);
}

/** The graph's nodes in {@link byDegreeThenKey} order. */
export function rankNodes(graph: AbstractGraph): RankedNode[] {
  return graph.mapNodes((node) => ({ node, degree: graph.degree(node) })).sort(byDegreeThenKey);
}
