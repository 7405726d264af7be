import type { KnowledgeGraph } from '../graph/buildGraph.js';
import { keywordsOf, type WeightedView } from '../graph/views.js';
import type { Partition } from './communities.js';

export interface CommunitySummary {
  readonly id: number;
  /** Its most distinctive keywords, e.g. "cell-free massive mimo · reciprocity calibration · phase". */
  readonly label: string;
  readonly size: number;
  /** Labels of its best-connected members (weighted degree in the view). */
  readonly topMembers: string[];
}

const LABEL_KEYWORDS = 3;
const TOP_MEMBERS = 5;

/**
 * The first keywords of a ranking that say different things: a term inside a chosen one is skipped
 * ("sensing" after "integrated sensing"), and a chosen term inside a later one gives way to it.
 */
function distinct(ranked: readonly string[]): string[] {
  const words = (key: string): string => ` ${key.slice(key.indexOf(':') + 1)} `;
  const chosen: string[] = [];
  for (const candidate of ranked) {
    if (chosen.some((c) => words(c).includes(words(candidate)))) continue;
    const kept = chosen.filter((c) => !words(candidate).includes(words(c)));
    chosen.splice(0, chosen.length, ...kept, candidate);
    if (chosen.length === LABEL_KEYWORDS) break;
  }
  return chosen;
}

/** Each node's weighted degree, in one pass over the edges rather than one reduce per node. */
export function weightedDegrees(view: WeightedView): Map<string, number> {
  const strength = new Map<string, number>();
  view.forEachEdge((_, a, source, target) => {
    strength.set(source, (strength.get(source) ?? 0) + a.weight);
    strength.set(target, (strength.get(target) ?? 0) + a.weight);
  });
  return strength;
}

/**
 * Label every community with its most distinctive keywords: frequent among the community's papers,
 * rare among all papers (count inside × log(papers / papers with the keyword)). `papersOf` says which
 * papers a community stands for: its own paper nodes, or the papers of its authors. `strength` is
 * each node's weighted degree in the view the partition is of (see {@link weightedDegrees}); a node
 * without edges may be missing.
 */
export function labelCommunities(
  graph: KnowledgeGraph,
  partition: Partition,
  strength: ReadonlyMap<string, number>,
  papersOf: (members: readonly string[]) => Iterable<string>,
): CommunitySummary[] {
  const members: string[][] = Array.from({ length: partition.count }, () => []);
  for (const [node, c] of partition.community) (members[c] as string[]).push(node);
  const paperTotal = graph.filterNodes((_, a) => a.type === 'paper').length;

  return members.map((nodes, id) => {
    const inside = new Map<string, number>();
    for (const paper of new Set(papersOf(nodes))) {
      for (const { keyword } of keywordsOf(graph, paper)) inside.set(keyword, (inside.get(keyword) ?? 0) + 1);
    }
    const scored = [...inside].map(([keyword, count]) => ({
      keyword,
      score: count * Math.log((paperTotal + 1) / (graph.getNodeAttribute(keyword, 'paper_count') as number)),
    }));
    scored.sort((a, b) => b.score - a.score || (a.keyword < b.keyword ? -1 : 1));
    const top = nodes
      .map((n) => ({ n, s: strength.get(n) ?? 0 }))
      .sort((a, b) => b.s - a.s || (a.n < b.n ? -1 : 1))
      .slice(0, TOP_MEMBERS)
      .map(({ n }) => graph.getNodeAttribute(n, 'label'));
    const label = scored.length > 0 ? distinct(scored.map((s) => s.keyword)).map((k) => graph.getNodeAttribute(k, 'label')).join(' · ') : top.slice(0, LABEL_KEYWORDS).join(' · ');
    return { id, label, size: nodes.length, topMembers: top };
  });
}
