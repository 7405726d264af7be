import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the shipped copy of the arXiv category taxonomy lives (MIT, Cornell University: data/LICENSE-arxiv-base.txt). */
export const TAXONOMY_FILE = fileURLToPath(new URL('../../data/arxiv-taxonomy.json', import.meta.url));

export interface CategoryInfo {
  /** The category code as arXiv writes it: `eess.SP`, `hep-th`. */
  readonly code: string;
  /** `Signal Processing`. */
  readonly name: string;
  readonly archive: string;
  readonly archiveName: string;
  readonly group: string;
  readonly groupName: string;
  readonly active: boolean;
}

export interface Taxonomy {
  /** What arXiv calls `code`; undefined for a code the taxonomy does not list (custom sections, typos). */
  category(code: string): CategoryInfo | undefined;
}

interface TaxonomyFile {
  groups: { id: string; name: string }[];
  archives: { id: string; name: string; group: string }[];
  categories: { id: string; name: string; archive: string; is_active: boolean }[];
}

function isTaxonomyFile(data: unknown): data is TaxonomyFile {
  const d = data as Partial<TaxonomyFile> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    Array.isArray(d.groups) &&
    Array.isArray(d.archives) &&
    Array.isArray(d.categories) &&
    d.categories.every((c) => typeof c.id === 'string' && typeof c.name === 'string' && typeof c.archive === 'string')
  );
}

/** Read the taxonomy JSON (the shipped copy by default), validated once here. */
export function loadTaxonomy(file: string = TAXONOMY_FILE): Taxonomy {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isTaxonomyFile(data)) throw new Error(`${file}: not an arXiv taxonomy (groups, archives, categories expected)`);
  const groups = new Map(data.groups.map((g) => [g.id, g.name]));
  const archives = new Map(data.archives.map((a) => [a.id, a]));
  const categories = new Map<string, CategoryInfo>();
  for (const c of data.categories) {
    const archive = archives.get(c.archive);
    const groupName = archive && groups.get(archive.group);
    if (!archive || groupName === undefined) throw new Error(`${file}: category ${c.id} has no archive or group`);
    categories.set(c.id, {
      code: c.id,
      name: c.name,
      archive: c.archive,
      archiveName: archive.name,
      group: archive.group.replace(/^grp_/, ''),
      groupName,
      active: c.is_active,
    });
  }
  return { category: (code) => categories.get(code) };
}
