import type { AbstractGraph } from 'graphology-types';
import type { Analysis } from './analyseGraph.js';
import { forceAtlas2 } from './interop.js';

/**
 * Twenty colours that stay apart from each other (Tableau 20): the largest communities get them in
 * order; the long tail of small communities shares a neutral grey.
 */
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f',
];
export const TAIL_COLOR = '#c8c8c8';

function communityColor(community: number): string {
  return PALETTE[community] ?? TAIL_COLOR;
}

/**
 * ForceAtlas2 (Barnes-Hut above 2,000 nodes) costs about the same per node and iteration, so the
 * iterations are bounded by a budget of node-iterations: a small map gets 300 and settles, the full
 * corpus a few that only relax the starting placement.
 */
const MAX_ITERATIONS = 300;
const NODE_ITERATION_BUDGET = 200_000;

export function layoutIterations(order: number): number {
  return Math.min(MAX_ITERATIONS, Math.floor(NODE_ITERATION_BUDGET / Math.max(order, 1)));
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const SPACING = 10;
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The starting placement, deterministic: communities on a sunflower spiral, largest in the middle,
 * each taking room for its size; inside each, members on a smaller spiral, best-connected first.
 * A readable map by itself, so the few iterations a big graph can afford only refine it.
 */
function placeByCommunity(graph: AbstractGraph, communityOf: (node: string) => number): void {
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const c = communityOf(node);
    const list = members.get(c);
    if (list) list.push(node);
    else members.set(c, [node]);
  });
  const communities = [...members].sort(([a, x], [b, y]) => y.length - x.length || a - b);
  let placed = 0;
  communities.forEach(([, nodes], k) => {
    const radius = SPACING * Math.sqrt(placed + nodes.length / 2);
    placed += nodes.length;
    const cx = k === 0 ? 0 : radius * Math.cos(k * GOLDEN_ANGLE);
    const cy = k === 0 ? 0 : radius * Math.sin(k * GOLDEN_ANGLE);
    nodes.sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
    nodes.forEach((node, j) => {
      const r = (SPACING / 2) * Math.sqrt(j);
      graph.mergeNodeAttributes(node, { x: cx + r * Math.cos(j * GOLDEN_ANGLE), y: cy + r * Math.sin(j * GOLDEN_ANGLE) });
    });
  });
}

/**
 * Draw a graph so every node gets `x`, `y` (rounded: stable files), `size` by degree and `color` by
 * its community: a community-spiral start, then ForceAtlas2 for a bounded number of iterations.
 * Deterministic: the same graph and communities always give the same drawing.
 */
export function layOut(graph: AbstractGraph, communityOf: (node: string) => number): void {
  placeByCommunity(graph, communityOf);
  const iterations = layoutIterations(graph.order);
  if (graph.size > 0 && iterations > 0) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2_000 },
    });
  }
  graph.forEachNode((node, a) => {
    graph.mergeNodeAttributes(node, {
      x: round(a.x as number, 2),
      y: round(a.y as number, 2),
      size: round(2 + 2 * Math.log2(1 + graph.degree(node)), 2),
      color: communityColor(communityOf(node)),
    });
  });
}

/** Draw the full graph and both views, each coloured by its own communities. */
export function drawAnalysis(analysis: Analysis): void {
  layOut(analysis.graph, analysis.communityOf.graph);
  layOut(analysis.coauthors, analysis.communityOf.coauthors);
  layOut(analysis.topics, analysis.communityOf.topics);
}
