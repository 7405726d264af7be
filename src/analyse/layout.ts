import type { AbstractGraph } from 'graphology-types';
import type { Analysis } from './analyseGraph.js';
import { byDegreeThenKey, type RankedNode } from '../graph/ranking.js';
import { askWorker } from '../workerThread.js';
import { forceAtlas2 } from './interop.js';
import { assignRun, iterateRun, layoutRun, NODE_FIELDS, type LayoutRun } from './layoutRun.js';

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
 * ForceAtlas2 (Barnes-Hut above 500 nodes) costs about the same per node and iteration, so the
 * iterations are bounded by a budget of node-iterations: a small map gets 300 and settles, the full
 * corpus a few that only relax the starting placement.
 */
const MAX_ITERATIONS = 300;
const NODE_ITERATION_BUDGET = 200_000;

/**
 * Barnes-Hut from here on, not graphology's 2,000: with the iteration budget above, exact repulsion
 * took 2.4 s for 1,999 nodes and Barnes-Hut 0.9 s; the two were level at about 450 nodes.
 */
const BARNES_HUT_ABOVE = 500;

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
  // Members by community with their place in the graph's node order: positions go in by one pass over the nodes.
  const members = new Map<number, (RankedNode & { index: number })[]>();
  let index = 0;
  graph.forEachNode((node) => {
    const c = communityOf(node);
    const member = { node, degree: graph.degree(node), index: index++ };
    const list = members.get(c);
    if (list) list.push(member);
    else members.set(c, [member]);
  });
  const xs = new Float64Array(graph.order);
  const ys = new Float64Array(graph.order);
  const communities = [...members].sort(([a, x], [b, y]) => y.length - x.length || a - b);
  let placed = 0;
  communities.forEach(([, nodes], k) => {
    const radius = SPACING * Math.sqrt(placed + nodes.length / 2);
    placed += nodes.length;
    const cx = k === 0 ? 0 : radius * Math.cos(k * GOLDEN_ANGLE);
    const cy = k === 0 ? 0 : radius * Math.sin(k * GOLDEN_ANGLE);
    nodes.sort(byDegreeThenKey);
    nodes.forEach(({ index: at }, j) => {
      const r = (SPACING / 2) * Math.sqrt(j);
      xs[at] = cx + r * Math.cos(j * GOLDEN_ANGLE);
      ys[at] = cy + r * Math.sin(j * GOLDEN_ANGLE);
    });
  });
  let at = 0;
  graph.updateEachNodeAttributes(
    (_, a) => {
      a.x = xs[at];
      a.y = ys[at++];
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}

/** The community-spiral start, and the ForceAtlas2 run that refines it (none when nothing would move). */
function startLayout(graph: AbstractGraph, communityOf: (node: string) => number): LayoutRun | undefined {
  placeByCommunity(graph, communityOf);
  const iterations = layoutIterations(graph.order);
  if (graph.size === 0 || iterations === 0) return undefined;
  return layoutRun(graph, iterations, { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > BARNES_HUT_ABOVE });
}

/** Positions rounded (stable files), sizes by degree, colours by community. */
function finishDrawing(graph: AbstractGraph, communityOf: (node: string) => number): void {
  graph.updateEachNodeAttributes(
    (node, a) => {
      a.x = round(a.x as number, 2);
      a.y = round(a.y as number, 2);
      a.size = round(2 + 2 * Math.log2(1 + graph.degree(node)), 2);
      a.color = communityColor(communityOf(node));
      return a;
    },
    { attributes: ['x', 'y', 'size', 'color'] },
  );
}

/**
 * Draw a graph so every node gets `x`, `y` (rounded: stable files), `size` by degree and `color` by
 * its community: a community-spiral start, then ForceAtlas2 for a bounded number of iterations.
 * Deterministic: the same graph and communities always give the same drawing.
 */
export function layOut(graph: AbstractGraph, communityOf: (node: string) => number): void {
  const run = startLayout(graph, communityOf);
  if (run) {
    iterateRun(run);
    assignRun(graph, run);
  }
  finishDrawing(graph, communityOf);
}

/**
 * A run's cost in node-pair visits: every pair each iteration, or with Barnes-Hut some 36 times
 * n·log2(n) (the ratio timed here for 100 to 20,000 nodes, 12 and 440 ns a unit).
 */
function runCost(run: LayoutRun): number {
  const order = run.nodes.length / NODE_FIELDS;
  return run.iterations * (run.settings.barnesHutOptimize ? 36 * order * Math.log2(order) : (order * order) / 2);
}

/** Below this cost (about 0.1 s) a worker's start-up is not worth it. */
const WORKER_MIN_COST = 8_000_000;

/** The runs iterated on a worker thread: their arrays are moved there, not copied, and the node arrays moved back. */
async function iterateOnWorker(runs: readonly LayoutRun[]): Promise<LayoutRun[]> {
  const transfer = runs.flatMap((run) => [run.nodes.buffer as ArrayBuffer, run.edges.buffer as ArrayBuffer]);
  const nodes = await askWorker<Float32Array[]>(import.meta.url, 'layoutWorkerThread', 'layout', runs, transfer);
  return runs.map((run, index) => ({ ...run, nodes: nodes[index] as Float32Array }));
}

/**
 * Draw the full graph and both views, each coloured by its own communities. ForceAtlas2 is most of
 * drawing and the three runs are independent: the costliest runs here while the others run on a
 * worker thread. Iterating the same arrays in either thread gives the same positions.
 */
export async function drawAnalysis(analysis: Analysis): Promise<void> {
  const drawings = [
    { graph: analysis.graph as AbstractGraph, communityOf: analysis.communityOf.graph },
    { graph: analysis.coauthors as AbstractGraph, communityOf: analysis.communityOf.coauthors },
    { graph: analysis.topics as AbstractGraph, communityOf: analysis.communityOf.topics },
  ].map((drawing) => ({ ...drawing, run: startLayout(drawing.graph, drawing.communityOf) }));
  const running = drawings
    .flatMap(({ graph, run }) => (run ? [{ graph, run }] : []))
    .sort((a, b) => runCost(b.run) - runCost(a.run));
  const [here, ...there] = running;
  const total = running.reduce((sum, { run }) => sum + runCost(run), 0);
  if (here !== undefined && there.length > 0 && total >= WORKER_MIN_COST) {
    const elsewhere = iterateOnWorker(there.map(({ run }) => run));
    iterateRun(here.run);
    assignRun(here.graph, here.run);
    for (const [index, run] of (await elsewhere).entries()) assignRun((there[index] as (typeof there)[number]).graph, run);
  } else {
    for (const { graph, run } of running) {
      iterateRun(run);
      assignRun(graph, run);
    }
  }
  for (const { graph, communityOf } of drawings) finishDrawing(graph, communityOf);
}
