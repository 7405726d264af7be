import type { View } from '../graph/views.js';
import type { KnowledgeGraph } from '../graph/buildGraph.js';
import { foldDiacritics } from '../read/text.js';

/** One person of the graph: the spellings merged into them, and what a curator may want to check. */
export interface AuthorReportRow {
  readonly key: string;
  readonly name: string;
  /** Every spelling merged into this person, the shown one first. */
  readonly spellings: readonly string[];
  readonly papers: number;
  /** Possible wrong merges or splits, flagged and never acted on. */
  readonly flags: readonly string[];
}

const keyOf = (node: string): string => node.slice('author:'.length);

/** "j smith" ~ "john smith": same family name, each given name equal or an initial of the other. */
function initialCompatible(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length < 2 || x.length !== y.length || x[x.length - 1] !== y[y.length - 1]) return false;
  let initials = false;
  for (let i = 0; i < x.length - 1; i++) {
    const [p, q] = [x[i] as string, y[i] as string];
    if (p === q) continue;
    if ((p.length === 1 && q.startsWith(p)) || (q.length === 1 && p.startsWith(q))) initials = true;
    else return false;
  }
  return initials;
}

/**
 * For every author, into how many separate groups their co-authors fall once the author is taken
 * away (Tarjan's articulation points, one depth-first pass over the co-author network): two groups
 * that never touch may be two people who share a name.
 */
function separateGroups(coauthors: View): Map<string, number> {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const root of coauthors.nodes()) {
    if (order.has(root)) continue;
    order.set(root, order.size);
    low.set(root, order.get(root) as number);
    // Each frame: a node, its parent, and the neighbours still to visit.
    const stack: { node: string; parent: string | undefined; next: string[] }[] = [{ node: root, parent: undefined, next: coauthors.neighbors(root) }];
    let rootChildren = 0;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const next = frame.next.pop();
      if (next !== undefined) {
        if (!order.has(next)) {
          order.set(next, order.size);
          low.set(next, order.get(next) as number);
          if (frame.node === root) rootChildren++;
          stack.push({ node: next, parent: frame.node, next: coauthors.neighbors(next) });
        } else if (next !== frame.parent) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(next) as number));
        }
        continue;
      }
      stack.pop();
      const parent = frame.parent;
      if (parent === undefined) continue;
      low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number));
      // A child whose subtree reaches nothing above the parent is cut off when the parent goes.
      if (parent !== root && (low.get(frame.node) as number) >= (order.get(parent) as number)) {
        groups.set(parent, (groups.get(parent) ?? 1) + 1);
      }
    }
    if (rootChildren > 1) groups.set(root, rootChildren);
  }
  return groups;
}

/**
 * Every person with the spellings merged into them, flagged where a merge or a split may be wrong:
 * names equal once diacritics are folded, initial-compatible names (J. Smith ~ John Smith), and a
 * name whose papers fall into co-author groups that never touch.
 */
export function authorReport(graph: KnowledgeGraph, coauthors: View): AuthorReportRow[] {
  const authors = graph.filterNodes((_, a) => a.type === 'author');
  const flags = new Map<string, string[]>(authors.map((a) => [a, []]));
  const flag = (node: string, text: string): void => void (flags.get(node) as string[]).push(text);
  const label = (node: string): string => graph.getNodeAttribute(node, 'label');

  const byFolded = new Map<string, string[]>();
  const byFamily = new Map<string, string[]>();
  for (const node of authors) {
    const key = keyOf(node);
    for (const [index, group] of [[byFolded, foldDiacritics(key)], [byFamily, key.slice(key.lastIndexOf(' ') + 1)]] as const) {
      const list = index.get(group);
      if (list) list.push(node);
      else index.set(group, [node]);
    }
  }
  for (const group of byFolded.values()) {
    if (group.length < 2) continue;
    for (const node of group) flag(node, `same name without diacritics: ${group.filter((n) => n !== node).map(label).join(', ')}`);
  }
  for (const group of byFamily.values()) {
    // Only names of as many parts with the same initials can match: compare within those shapes, not
    // across a whole family (tens of thousands of Wangs at 100k papers), then flag in family order.
    const shapes = new Map<string, number[]>();
    group.forEach((node, index) => {
      const parts = keyOf(node).split(' ');
      const shape = `${parts.length} ${parts.map((p) => p[0]).join('')}`;
      const members = shapes.get(shape);
      if (members) members.push(index);
      else shapes.set(shape, [index]);
    });
    const pairs: [number, number][] = [];
    for (const members of shapes.values()) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [a, b] = [members[i] as number, members[j] as number];
          if (initialCompatible(keyOf(group[a] as string), keyOf(group[b] as string))) pairs.push([a, b]);
        }
      }
    }
    pairs.sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
    for (const [i, j] of pairs) {
      const [a, b] = [group[i] as string, group[j] as string];
      flag(a, `initials match: ${label(b)}`);
      flag(b, `initials match: ${label(a)}`);
    }
  }
  for (const [node, groups] of separateGroups(coauthors)) flag(node, `co-authors in ${groups} groups that never touch`);

  return authors.map((node) => {
    const a = graph.getNodeAttributes(node);
    return {
      key: keyOf(node),
      name: a.label,
      spellings: [a.label, ...((a.other_spellings as readonly string[] | undefined) ?? [])],
      papers: a.paper_count as number,
      flags: flags.get(node) as string[],
    };
  });
}
