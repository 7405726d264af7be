import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { AbstractGraph, Attributes } from 'graphology-types';

/**
 * One graph's ForceAtlas2 run as graphology's layout does it (its own helpers and iteration), but
 * held in flat arrays: a worker thread can take it, iterate, and hand the positions back.
 */
export interface LayoutRun {
  readonly settings: Required<ForceAtlas2Settings>;
  readonly iterations: number;
  readonly nodes: Float32Array;
  readonly edges: Float32Array;
}

/** Numbers per node in the run's node array (graphology's own layout of it). */
export const NODE_FIELDS = 10;

// As graphology's `getEdgeWeight: 'weight'`: an edge without a numeric weight weighs 1.
const weightOf = (_: string, a: Attributes): number => (typeof a.weight === 'number' && !Number.isNaN(a.weight) ? a.weight : 1);

/** The run for a graph whose nodes have their starting `x`, `y`. */
export function layoutRun(graph: AbstractGraph, iterations: number, settings: ForceAtlas2Settings): LayoutRun {
  return { settings: { ...defaults, ...settings }, iterations, ...graphToByteArrays(graph, weightOf) };
}

/** Moves the run's nodes: every iteration, in place. */
export function iterateRun(run: LayoutRun): void {
  for (let i = 0; i < run.iterations; i++) iterate(run.settings, run.nodes, run.edges);
}

/** The run's positions written back to the graph it was made from. */
export function assignRun(graph: AbstractGraph, run: LayoutRun): void {
  assignLayoutChanges(graph, run.nodes, null);
}
