/** Where a paper was seen: the input as the user named it and the 1-based line of its heading. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** The free-text fields a digest may carry for a paper, in output order. */
export const TEXT_FIELDS = [
  'titleTranslation',
  'tldr',
  'motivation',
  'method',
  'result',
  'conclusion',
  'abstract',
  'comment',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What a paper link identifies. `id` is the merge key: versionless arXiv id, `doi:…`, `pmid:…`, or the URL. */
export interface PaperLink {
  readonly id: string;
  readonly scheme: 'arxiv' | 'doi' | 'pmid' | 'url';
  readonly version?: number;
  /** Canonical URL: `https://arxiv.org/abs/<id>` for arXiv papers. */
  readonly url: string;
}

/** One appearance of a paper in one digest, before merging. Absent fields were not in the entry. */
export interface DigestEntry {
  readonly link: PaperLink;
  readonly title?: string;
  /** Display names in the order printed, cleaned but not yet merged across spellings. */
  readonly authors?: readonly string[];
  /** The printed author list ended in "et al.". */
  readonly authorsTruncated?: true;
  /** Primary (the entry's own category line) first, then the section, then any category list. */
  readonly categories: readonly string[];
  readonly keywords?: readonly string[];
  readonly text: Readonly<Partial<Record<TextField, string>>>;
  /** ISO date of the digest (YYYY-MM-DD) when its file name or title gives one. */
  readonly date?: string;
  readonly source: SourceRef;
}

/** One paper after merging every appearance; the `parse` command prints these as JSON Lines. */
export interface PaperRecord {
  id: string;
  version?: number;
  url: string;
  title?: string;
  titleTranslation?: string;
  authors?: string[];
  /** The author list a digest printed ended in "et al.": more authors exist than are listed. */
  authorListTruncated?: true;
  categories?: string[];
  keywords?: string[];
  tldr?: string;
  motivation?: string;
  method?: string;
  result?: string;
  conclusion?: string;
  abstract?: string;
  comment?: string;
  /** The earliest digest date the paper appeared under. */
  date?: string;
  sources: SourceRef[];
}
