/* The viewer imports these types too: this file imports nothing else from the project. */
type ViewName = 'full' | 'coauthors' | 'topics';

/**
 * What the viewer page embeds: each view drawn (positions, sizes, colours and communities come from
 * the build), its communities with their labels, and the details a paper panel shows. Shared with
 * `viewer/` as a type only.
 */
export interface ViewerPayload {
  readonly views: Record<ViewName, ViewPayload>;
  /** By node key: what the panel shows of a paper. */
  readonly papers: Record<string, PaperDetails>;
}

export interface ViewPayload {
  readonly title: string;
  readonly nodes: NodePayload[];
  /** Edges as [source index, target index, weight]. */
  readonly edges: [number, number, number][];
  readonly communities: { readonly id: number; readonly label: string; readonly size: number }[];
  /** What a view too big for a browser left off the page: it carries its best-connected nodes only. */
  readonly omitted?: { readonly nodes: number; readonly edges: number };
}

export interface NodePayload {
  readonly key: string;
  readonly label: string;
  readonly type: 'paper' | 'author' | 'category' | 'keyword';
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: string;
  /** Community in this view. */
  readonly community: number;
  /** Primary category code (papers) or the code itself (categories). */
  readonly category?: string;
  /** Other names search finds the node by: a keyword's acronyms and other spellings. */
  readonly aliases?: readonly string[];
}

export interface PaperDetails {
  readonly url: string;
  readonly date?: string;
  readonly tldr?: string;
  readonly abstract?: string;
  /** Node keys, in order. */
  readonly authors: string[];
  readonly categories: string[];
  readonly keywords: string[];
}
