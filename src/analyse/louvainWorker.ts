import { weightedView, type WeightedEdgeList } from '../graph/views.js';
import { askWorker } from '../workerThread.js';
import { detectCommunities, type CommunityOptions, type Partition } from './communities.js';
import { weightedDegrees } from './labels.js';

/** Louvain's partition of an edge list's view, with what labelling needs of that view. */
export interface EdgeListCommunities {
  readonly partition: Partition;
  /** Each node's weighted degree in the view. */
  readonly strength: ReadonlyMap<string, number>;
  /** Size of the view Louvain optimised. */
  readonly optimised: { readonly nodes: number; readonly edges: number };
}

/**
 * {@link EdgeListCommunities} as the worker sends it back: typed arrays, moved rather than copied.
 * `members` and `communities` list the partition's entries in its order, by node index.
 */
export interface PackedCommunities extends Omit<Partition, 'community'> {
  readonly members: Int32Array;
  readonly communities: Int32Array;
  /** By node index. */
  readonly strength: Float64Array;
  readonly optimised: { readonly nodes: number; readonly edges: number };
}

/** What the worker is sent. */
export interface LouvainJob {
  readonly list: WeightedEdgeList;
  readonly options: CommunityOptions;
}

/** The worker's work, on either thread: the view built, Louvain run, the result packed. */
export function packedCommunities({ list, options }: LouvainJob): PackedCommunities {
  const view = weightedView(list);
  const { community, ...partition } = detectCommunities(view, options);
  const index = new Map(list.nodes.map((node, i) => [node, i]));
  const members = new Int32Array(community.size);
  const communities = new Int32Array(community.size);
  let at = 0;
  for (const [node, c] of community) {
    members[at] = index.get(node) as number;
    communities[at++] = c;
  }
  const degrees = weightedDegrees(view);
  const strength = Float64Array.from(list.nodes, (node) => degrees.get(node) ?? 0);
  return { ...partition, members, communities, strength, optimised: { nodes: view.order, edges: view.size } };
}

function unpack(nodes: readonly string[], packed: PackedCommunities): EdgeListCommunities {
  const { members, communities, strength, optimised, ...partition } = packed;
  const community = new Map<string, number>();
  for (let at = 0; at < members.length; at++) community.set(nodes[members[at] as number] as string, communities[at] as number);
  return {
    partition: { community, ...partition },
    strength: new Map(nodes.map((node, i) => [node, strength[i] as number])),
    optimised,
  };
}

/**
 * Louvain on the view of an edge list, on a worker thread, so that this one can go on with other
 * views meanwhile. The same list and options give the same partition as {@link packedCommunities}
 * here: the worker builds the same view in the same order. The list's arrays are moved to the
 * worker and unusable here afterwards. Aborting `signal` stops the worker and rejects.
 */
export async function communitiesOnWorker(list: WeightedEdgeList, options: CommunityOptions, signal?: AbortSignal): Promise<EdgeListCommunities> {
  const job: LouvainJob = { list, options };
  const transfer = [list.sources.buffer as ArrayBuffer, list.targets.buffer as ArrayBuffer, list.weights.buffer as ArrayBuffer];
  return unpack(list.nodes, await askWorker<PackedCommunities>(import.meta.url, 'louvainWorkerThread', 'community', job, transfer, signal));
}
