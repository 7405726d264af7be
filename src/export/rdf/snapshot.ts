import type { Analysis, ViewName } from '../../analyse/analyseGraph.js';
import type { Partition } from '../../analyse/communities.js';
import type { CommunitySummary } from '../../analyse/labels.js';
import type { DigestFile, NodeAttributes } from '../../graph/buildGraph.js';
import type { Taxonomy, TaxonomyConcept } from '../../graph/taxonomy.js';
import { authorsOf, keywordsOf } from '../../graph/views.js';
import { STATEMENT_ATTRIBUTES } from './quads.js';

/** A node as the statements read it: its key, the attributes they use, and a paper's links. */
export interface RdfNode {
  readonly key: string;
  readonly attributes: NodeAttributes;
  /** A paper's authors in printed order, as indexes into the snapshot's `nodes`. */
  readonly authors?: readonly number[];
  /** A paper's categories, the primary first. */
  readonly categories?: readonly number[];
  readonly keywords?: readonly number[];
}

/**
 * A view's Louvain run as the statements read it: its parameters and result, its communities'
 * labels, and its partition as node indexes (into the snapshot's `nodes`) in the partition's order
 * with each one's community, rather than a Map by node key: at 100k papers the three partitions
 * hold 1.1 million entries, and their keys were copied to the RDF thread and looked up there again.
 */
export interface RdfView {
  readonly name: ViewName;
  readonly run: Pick<Partition, 'resolution' | 'seed' | 'modularity'>;
  readonly communities: readonly Pick<CommunitySummary, 'id' | 'label'>[];
  readonly members: Int32Array;
  readonly memberCommunities: Int32Array;
}

/**
 * What the RDF statements are made from, as plain data that a worker thread can be sent: the
 * graph's nodes in order with only the attributes the statements read (no layout, no author lists
 * as text), each paper's links as node indexes, and the communities found. A graph copy would
 * cost twice as much memory on the thread it is sent to.
 */
export interface RdfSnapshot {
  readonly digests: readonly DigestFile[];
  readonly nodes: readonly RdfNode[];
  readonly views: readonly RdfView[];
  readonly concepts: readonly TaxonomyConcept[];
  readonly equivalences: readonly (readonly [string, string])[];
  /** Base of minted IRIs, ending in `/` or `#`. */
  readonly base: string;
}

/** What a snapshot is taken of: the analysed graph, the taxonomy and the base of minted IRIs. */
export interface RdfSource {
  /** The graph, its communities stored on it, and each view's Louvain run and labelled communities. */
  readonly analysis: Pick<Analysis, 'graph' | 'views'>;
  readonly taxonomy: Pick<Taxonomy, 'concepts' | 'equivalences'>;
  /** Base of minted IRIs, ending in `/` or `#`. */
  readonly base: string;
}

export function snapshotRdfSource(source: RdfSource): RdfSnapshot {
  const { graph, views } = source.analysis;
  const index = new Map<string, number>();
  graph.forEachNode((key) => index.set(key, index.size));
  const indexes = (keys: readonly string[]): number[] => keys.map((key) => index.get(key) as number);
  const nodes = graph.mapNodes((key, a): RdfNode => {
    const attributes: NodeAttributes = { type: a.type, label: a.label };
    for (const name of STATEMENT_ATTRIBUTES[a.type]) {
      const value = a[name];
      if (value !== undefined) attributes[name] = value;
    }
    if (a.type !== 'paper') return { key, attributes };
    return {
      key,
      attributes,
      authors: indexes(authorsOf(graph, key)),
      // In the order they were linked: the primary category first.
      categories: indexes(graph.outNeighbors(key).filter((n) => graph.getNodeAttribute(n, 'type') === 'category')),
      keywords: indexes(keywordsOf(graph, key).map(({ keyword }) => keyword)),
    };
  });
  return {
    digests: graph.getAttribute('digests'),
    nodes,
    views: views.map(({ name, partition, communities }): RdfView => {
      const members = new Int32Array(partition.community.size);
      const memberCommunities = new Int32Array(partition.community.size);
      let at = 0;
      for (const [key, community] of partition.community) {
        members[at] = index.get(key) as number;
        memberCommunities[at++] = community;
      }
      const { resolution, seed, modularity } = partition;
      return { name, run: { resolution, seed, modularity }, communities: communities.map(({ id, label }) => ({ id, label })), members, memberCommunities };
    }),
    concepts: source.taxonomy.concepts(),
    equivalences: source.taxonomy.equivalences(),
    base: source.base,
  };
}
