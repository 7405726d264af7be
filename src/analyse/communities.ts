import type { WeightedView } from '../graph/views.js';
import { louvain } from './interop.js';
import { seededRandom } from './random.js';

export interface CommunityOptions {
  /** Seed of Louvain's random tie-breaking. Default {@link DEFAULT_SEED}. */
  readonly seed?: number;
  /** Modularity resolution: above 1 finds more, smaller communities. Default 1. */
  readonly resolution?: number;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_RESOLUTION = 1;

export interface Partition {
  /** Community of each node: 0 is the largest, ids follow size (ties: smallest member key first). */
  readonly community: ReadonlyMap<string, number>;
  readonly count: number;
  /** Modularity of the partition returned (after splitting), with the resolution used. */
  readonly modularity: number;
  /** Communities Louvain returned that were not connected, each split into its components. */
  readonly disconnectedSplit: number;
  readonly seed: number;
  readonly resolution: number;
}

/** Newman's weighted modularity with resolution γ: Σ_c [ w_in(c)/m − γ (d(c)/2m)² ]. */
export function modularity(view: WeightedView, community: ReadonlyMap<string, number>, resolution: number): number {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  view.forEachEdge((_, a, source, target) => {
    total += a.weight;
    const cs = community.get(source) as number;
    const ct = community.get(target) as number;
    degree.set(cs, (degree.get(cs) ?? 0) + a.weight);
    degree.set(ct, (degree.get(ct) ?? 0) + a.weight);
    if (cs === ct) inside.set(cs, (inside.get(cs) ?? 0) + a.weight);
  });
  if (total === 0) return 0;
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / total - resolution * (d / (2 * total)) ** 2;
  return q;
}

/** Split every community into its connected components (Louvain can return disconnected ones). */
export function splitDisconnected(view: WeightedView, raw: Record<string, number>): { parts: string[][]; split: number } {
  const seen = new Set<string>();
  const parts: string[][] = [];
  const componentsPer = new Map<number, number>();
  view.forEachNode((start) => {
    if (seen.has(start)) return;
    const c = raw[start] as number;
    const part: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const node = queue.pop() as string;
      part.push(node);
      view.forEachNeighbor(node, (next) => {
        if (!seen.has(next) && raw[next] === c) {
          seen.add(next);
          queue.push(next);
        }
      });
    }
    parts.push(part);
    componentsPer.set(c, (componentsPer.get(c) ?? 0) + 1);
  });
  let split = 0;
  for (const n of componentsPer.values()) if (n > 1) split++;
  return { parts, split };
}

/**
 * Louvain communities of a weighted view, seeded so that the same view and options give the same
 * partition, with disconnected communities split and ids ordered by size.
 */
export function detectCommunities(view: WeightedView, options: CommunityOptions = {}): Partition {
  const seed = options.seed ?? DEFAULT_SEED;
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const raw =
    view.size === 0
      ? Object.fromEntries(view.nodes().map((n, i) => [n, i]))
      : louvain(view, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
  const { parts, split } = splitDisconnected(view, raw);
  for (const part of parts) part.sort();
  parts.sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
  const community = new Map<string, number>();
  parts.forEach((part, id) => {
    for (const node of part) community.set(node, id);
  });
  return {
    community,
    count: parts.length,
    modularity: modularity(view, community, resolution),
    disconnectedSplit: split,
    seed,
    resolution,
  };
}
