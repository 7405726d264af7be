import type { KnowledgeGraph } from '../graph/buildGraph.js';
import { coauthorView, fullViewEdges, topicView, type View } from '../graph/views.js';
import { detectCommunities, type CommunityOptions, type Partition } from './communities.js';
import { authorReport, type AuthorReportRow } from './authorReport.js';
import { labelCommunities, weightedDegrees, type CommunitySummary } from './labels.js';
import { communitiesOnWorker } from './louvainWorker.js';

export type ViewName = 'full' | 'coauthors' | 'topics';

export interface ViewAnalysis {
  readonly name: ViewName;
  /** The node attribute the view's communities are stored under. */
  readonly attribute: 'community' | 'coauthor_community' | 'topic_community';
  /**
   * Size of the graph Louvain optimised (for `full`: the knowledge graph without its category hubs).
   * Only its size: the full view copies every edge of the graph, and lives only on Louvain's thread.
   */
  readonly optimised: { readonly nodes: number; readonly edges: number };
  readonly partition: Partition;
  readonly communities: CommunitySummary[];
}

export interface Analysis {
  readonly graph: KnowledgeGraph;
  readonly coauthors: View;
  readonly topics: View;
  readonly views: readonly ViewAnalysis[];
  /** Node colours by community of each graph, for drawing. */
  readonly communityOf: { readonly graph: (node: string) => number; readonly coauthors: (node: string) => number; readonly topics: (node: string) => number };
  /** Every person, the spellings merged into them, and flags on possible wrong merges or splits. */
  readonly authors: readonly AuthorReportRow[];
  /** Papers (node keys) left out of the co-author view for their very long author lists. */
  readonly papersLeftOutOfCoauthors: readonly string[];
}

/** Each category joins the community holding most of its papers (ties: the larger community, id order). */
function placeCategories(graph: KnowledgeGraph, partition: Partition): Map<string, number> {
  const community = new Map(partition.community);
  graph.forEachNode((node, a) => {
    if (a.type !== 'category') return;
    const votes = new Map<number, number>();
    graph.forEachInNeighbor(node, (paper) => {
      const c = partition.community.get(paper);
      if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1);
    });
    let best = -1;
    let bestVotes = 0;
    for (const [c, n] of votes) if (n > bestVotes || (n === bestVotes && c < best)) [best, bestVotes] = [c, n];
    community.set(node, best);
  });
  return community;
}

const ATTRIBUTES = { full: 'community', coauthors: 'coauthor_community', topics: 'topic_community' } as const;

/** Louvain on one view, its communities labelled. */
function analyseView(
  graph: KnowledgeGraph,
  name: 'coauthors' | 'topics',
  view: View,
  options: CommunityOptions,
  papersOf: (members: readonly string[]) => Iterable<string>,
): ViewAnalysis {
  const partition = detectCommunities(view, options);
  return {
    name,
    attribute: ATTRIBUTES[name],
    optimised: { nodes: view.order, edges: view.size },
    partition,
    communities: labelCommunities(graph, partition, weightedDegrees(view), papersOf),
  };
}

const papersOfMembers = (graph: KnowledgeGraph) => (members: readonly string[]): string[] =>
  members.filter((n) => graph.getNodeAttribute(n, 'type') === 'paper');

/** The co-author network and the topic map, each built, partitioned and labelled. */
function analyseCoauthorsAndTopics(graph: KnowledgeGraph, options: CommunityOptions) {
  const papersOfAuthors = (members: readonly string[]): string[] => members.flatMap((a) => graph.outNeighbors(a));
  const { view: coauthors, papersLeftOut } = coauthorView(graph);
  const topics = topicView(graph);
  const byAuthors = analyseView(graph, 'coauthors', coauthors, options, papersOfAuthors);
  const byTopics = analyseView(graph, 'topics', topics, options, papersOfMembers(graph));
  return { coauthors, topics, papersLeftOut, byAuthors, byTopics };
}

/**
 * Find communities in the co-author network, the topic map and the full graph (seeded Louvain),
 * label them and store them as node attributes (`coauthor_community`, `topic_community`,
 * `community`). Mutates the graph it is given and returns what it found.
 */
export async function analyseGraph(graph: KnowledgeGraph, options: CommunityOptions = {}): Promise<Analysis> {
  // The full view (every edge of the graph but the category links) is built and partitioned on a
  // worker thread while this one does the other two views: the second core is otherwise idle in
  // this stage. Only the partition and the weighted degrees come back.
  const stopWorker = new AbortController();
  const fullOnWorker = communitiesOnWorker(fullViewEdges(graph), options, stopWorker.signal);
  // A failure there is reported where it is awaited, or gives way to a failure here.
  fullOnWorker.catch(() => {});
  let here: ReturnType<typeof analyseCoauthorsAndTopics>;
  try {
    here = analyseCoauthorsAndTopics(graph, options);
  } catch (error) {
    // The worker is stopped, and gone, before the error goes on: its partition is of no use now, and
    // a process must not exit with a thread still at work.
    stopWorker.abort(error);
    await fullOnWorker.catch(() => {});
    throw error;
  }
  const { coauthors, topics, papersLeftOut, byAuthors, byTopics } = here;
  const fullCommunities = await fullOnWorker;
  const full: ViewAnalysis = {
    name: 'full',
    attribute: ATTRIBUTES.full,
    optimised: fullCommunities.optimised,
    partition: fullCommunities.partition,
    communities: labelCommunities(graph, fullCommunities.partition, fullCommunities.strength, papersOfMembers(graph)),
  };
  const fullCommunity = placeCategories(graph, full.partition);
  const views = [full, byAuthors, byTopics];
  const [coauthorPartition, topicPartition] = [byAuthors.partition, byTopics.partition];

  graph.forEachNode((node, a) => {
    graph.setNodeAttribute(node, 'community', fullCommunity.get(node) as number);
    if (a.type === 'author') graph.setNodeAttribute(node, 'coauthor_community', coauthorPartition.community.get(node) as number);
    if (a.type === 'paper' || a.type === 'keyword') {
      graph.setNodeAttribute(node, 'topic_community', topicPartition.community.get(node) as number);
    }
  });
  coauthors.forEachNode((node) => coauthors.setNodeAttribute(node, 'coauthor_community', coauthorPartition.community.get(node) as number));
  topics.forEachNode((node) => topics.setNodeAttribute(node, 'topic_community', topicPartition.community.get(node) as number));

  const communityOf = {
    graph: (n: string) => fullCommunity.get(n) as number,
    coauthors: (n: string) => coauthorPartition.community.get(n) as number,
    topics: (n: string) => topicPartition.community.get(n) as number,
  };
  const authors = authorReport(graph, coauthors);
  return { graph, coauthors, topics, views, communityOf, authors, papersLeftOutOfCoauthors: papersLeftOut };
}
