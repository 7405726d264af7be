import { DirectedGraph } from 'graphology';
import { mapKeywords } from '../mine/keywordMap.js';
import { authorKey } from '../read/authors.js';
import type { PaperRecord, SourceRef } from '../read/types.js';
import type { Taxonomy } from './taxonomy.js';

export type NodeType = 'paper' | 'author' | 'category' | 'keyword';
export type EdgeType = 'authored' | 'in_category' | 'has_keyword';

/** Node attributes are scalars or lists of strings; writers that need scalars flatten the lists. */
export type AttributeValue = string | number | boolean | readonly string[];
export interface NodeAttributes {
  type: NodeType;
  label: string;
  [name: string]: AttributeValue;
}
export interface EdgeAttributes {
  type: EdgeType;
  [name: string]: AttributeValue;
}

/** A digest the graph was built from, with its date when it gives one: provenance for exports. */
export interface DigestFile {
  readonly file: string;
  readonly date?: string;
}
export interface GraphAttributes {
  digests: DigestFile[];
}

/** The knowledge graph: directed, one edge per ordered pair (author → paper → category / keyword). */
export type KnowledgeGraph = DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const paperNode = (id: string): string => `paper:${id}`;
export const authorNode = (name: string): string => `author:${authorKey(name)}`;
export const categoryNode = (code: string): string => `category:${code}`;
/** The node of a keyword, by its key (a `PaperKeyword`'s `key`): one node per concept, however spelt. */
export const keywordNode = (key: string): string => `keyword:${key}`;

export interface BuildWarning {
  /** Where the problem was first seen. */
  readonly source: SourceRef;
  readonly problem: string;
  readonly action: string;
}

export interface BuildGraphOptions {
  readonly taxonomy: Taxonomy;
  /** The digests read, in reading order (their file and date are stored as the graph attribute `digests`). */
  readonly digests?: readonly DigestFile[];
  /** Every spelling of each author's display name, the display name first (from reading). */
  readonly spellings?: ReadonlyMap<string, readonly string[]>;
  /** Told how many papers the default keyword extraction has done, of how many. */
  readonly onKeywordProgress?: (done: number, total: number) => void;
}

function countUp(graph: KnowledgeGraph, node: string, attribute: string): void {
  graph.updateNodeAttribute(node, attribute, (n) => (typeof n === 'number' ? n + 1 : 1));
}

/**
 * One graph of papers, authors, categories and keywords, merged by key: one node per paper and per
 * person however often they appear. Node and edge keys follow the records' order, so the same records
 * always make the same graph.
 */
export async function buildKnowledgeGraph(
  records: readonly PaperRecord[],
  options: BuildGraphOptions,
): Promise<{ graph: KnowledgeGraph; warnings: BuildWarning[] }> {
  const graph: KnowledgeGraph = new DirectedGraph({ allowSelfLoops: false });
  graph.setAttribute(
    'digests',
    (options.digests ?? []).map(({ file, date }) => (date === undefined ? { file } : { file, date })),
  );
  const keywords = await mapKeywords(records, options.onKeywordProgress ? { onProgress: options.onKeywordProgress } : {});
  const spellings = new Map<string, { uses: Map<string, number>; aliases: Set<string> }>();
  const unknownCategories = new Map<string, { papers: number; source: SourceRef }>();
  let edges = 0;
  const link = (source: string, target: string, attributes: EdgeAttributes): void => {
    if (!graph.hasEdge(source, target)) graph.addEdgeWithKey(`e${edges++}`, source, target, attributes);
  };

  for (const record of records) {
    const paper = paperNode(record.id);
    graph.addNode(paper, {
      type: 'paper',
      label: record.title ?? record.id,
      paper_id: record.id,
      url: record.url,
      ...(record.title === undefined ? {} : { title: record.title }),
      ...(record.date === undefined ? {} : { date: record.date }),
      ...(record.categories?.[0] === undefined ? {} : { primary_category: record.categories[0] }),
      categories: record.categories ?? [],
      authors: record.authors ?? [],
      ...(record.authorListTruncated ? { author_list_truncated: true } : {}),
      ...(record.version === undefined ? {} : { version: record.version }),
      ...(record.titleTranslation === undefined ? {} : { title_translation: record.titleTranslation }),
      ...(record.tldr === undefined ? {} : { tldr: record.tldr }),
      ...(record.motivation === undefined ? {} : { motivation: record.motivation }),
      ...(record.method === undefined ? {} : { method: record.method }),
      ...(record.result === undefined ? {} : { result: record.result }),
      ...(record.conclusion === undefined ? {} : { conclusion: record.conclusion }),
      ...(record.abstract === undefined ? {} : { abstract: record.abstract }),
      ...(record.comment === undefined ? {} : { comment: record.comment }),
      sources: record.sources.map((s) => `${s.file}:${s.line}`),
    });

    (record.authors ?? []).forEach((name, index) => {
      const author = authorNode(name);
      if (!graph.hasNode(author)) {
        const others = options.spellings?.get(name)?.slice(1) ?? [];
        graph.addNode(author, { type: 'author', label: name, ...(others.length > 0 ? { other_spellings: others } : {}) });
      }
      countUp(graph, author, 'paper_count');
      // A name printed twice in one author list is one authorship, at its first position.
      link(author, paper, { type: 'authored', position: index + 1 });
    });

    (record.categories ?? []).forEach((code, index) => {
      const category = categoryNode(code);
      if (!graph.hasNode(category)) {
        const info = options.taxonomy.category(code);
        if (!info) unknownCategories.set(code, { papers: 0, source: record.sources[0] as SourceRef });
        graph.addNode(category, {
          type: 'category',
          label: info ? `${info.name} (${code})` : code,
          code,
          in_taxonomy: info !== undefined,
          ...(info
            ? { name: info.name, archive: info.archive, archive_name: info.archiveName, group: info.group, group_name: info.groupName }
            : {}),
        });
      }
      const unknown = unknownCategories.get(code);
      if (unknown) unknown.papers++;
      countUp(graph, category, 'paper_count');
      link(paper, category, { type: 'in_category', primary: index === 0 });
    });

    for (const keyword of keywords.get(record.id) ?? []) {
      const node = keywordNode(keyword.key);
      if (graph.hasEdge(paper, node)) continue;
      if (!graph.hasNode(node)) graph.addNode(node, { type: 'keyword', label: keyword.phrase });
      const names = spellings.get(node) ?? { uses: new Map<string, number>(), aliases: new Set<string>() };
      spellings.set(node, names);
      names.uses.set(keyword.phrase, (names.uses.get(keyword.phrase) ?? 0) + 1);
      for (const alias of keyword.aliases ?? []) names.aliases.add(alias);
      countUp(graph, node, 'paper_count');
      link(paper, node, { type: 'has_keyword', weight: keyword.weight, source: keyword.source });
    }
  }

  // A keyword is shown in its most frequent spelling (ties: the first read); the other spellings and
  // the acronyms defined for it are its variants.
  for (const [node, { uses, aliases }] of spellings) {
    let label = '';
    for (const [phrase, count] of uses) if (count > (uses.get(label) ?? 0)) label = phrase;
    const variants = [...uses.keys(), ...aliases].filter((v, i, all) => v !== label && all.indexOf(v) === i);
    graph.mergeNodeAttributes(node, { label, ...(variants.length > 0 ? { variants } : {}) });
  }

  const warnings = [...unknownCategories].map(([code, { papers, source }]) => ({
    source,
    problem: `category ${JSON.stringify(code)} (${papers} paper${papers === 1 ? '' : 's'}) is not in the arXiv taxonomy`,
    action: 'kept it as a category node without arXiv name, archive or group',
  }));
  return { graph, warnings };
}
