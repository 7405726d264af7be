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

/** One concept of the taxonomy, for a SKOS export: a group, an archive or a category. */
export interface TaxonomyConcept {
  readonly kind: 'group' | 'archive' | 'category';
  /** `physics` (group), `astro-ph` (archive), `astro-ph.GA` (category). */
  readonly code: string;
  readonly name: string;
  /** The code of the concept one level up (category → archive → group). */
  readonly broader?: string;
  readonly active: boolean;
  readonly description?: string;
}

export interface Taxonomy {
  /** What arXiv calls `code`; undefined for a code the taxonomy does not list (custom sections, typos). */
  category(code: string): CategoryInfo | undefined;
  /** Every group, archive and category, in that order. */
  concepts(): readonly TaxonomyConcept[];
  /** Codes that name the same category: `[cs.SY, eess.SY]`, and retired archives to their category. */
  equivalences(): readonly (readonly [string, string])[];
}

interface TaxonomyFile {
  groups: { id: string; name: string; is_active: boolean }[];
  archives: { id: string; name: string; group: string; is_active: boolean }[];
  categories: { id: string; name: string; archive: string; is_active: boolean; description?: string }[];
  aliases: Record<string, string>;
  archives_subsumed: Record<string, string>;
}

function isTaxonomyFile(data: unknown): data is TaxonomyFile {
  const d = data as Partial<TaxonomyFile> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    Array.isArray(d.groups) &&
    Array.isArray(d.archives) &&
    Array.isArray(d.categories) &&
    typeof d.aliases === 'object' &&
    typeof d.archives_subsumed === 'object' &&
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
  const group = (id: string): string => id.replace(/^grp_/, '');
  const concepts: TaxonomyConcept[] = [
    ...data.groups.map((g) => ({ kind: 'group' as const, code: group(g.id), name: g.name, active: g.is_active })),
    ...data.archives.map((a) => ({ kind: 'archive' as const, code: a.id, name: a.name, broader: group(a.group), active: a.is_active })),
    ...data.categories.map((c) => ({
      kind: 'category' as const,
      code: c.id,
      name: c.name,
      broader: c.archive,
      active: c.is_active,
      ...(c.description ? { description: c.description } : {}),
    })),
  ];
  const equivalences = [...Object.entries(data.aliases), ...Object.entries(data.archives_subsumed)] as [string, string][];
  return { category: (code) => categories.get(code), concepts: () => concepts, equivalences: () => equivalences };
}
