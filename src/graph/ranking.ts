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

/**
 * The graph's nodes in {@link byDegreeThenKey} order, made as they are taken: grouped by degree, each
 * group sorted by key (the default sort: code unit order, as `<` compares) only when reached. A page
 * keeps a view's first 40,000 at most, and the big groups of low degree come last.
 */
export function* rankNodes(graph: AbstractGraph): Generator<RankedNode> {
  const byDegree = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    const group = byDegree.get(degree);
    if (group === undefined) byDegree.set(degree, [node]);
    else group.push(node);
  });
  for (const degree of [...byDegree.keys()].sort((a, b) => b - a)) {
    for (const node of (byDegree.get(degree) as string[]).sort()) yield { node, degree };
  }
}
