import { describe, expect, it } from 'vitest';
import { authorReport } from '../../src/analyse/authorReport.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import { coauthorView } from '../../src/graph/views.js';
import type { PaperRecord } from '../../src/read/types.js';

const paper = (id: string, authors: string[]): PaperRecord => ({ id, url: `https://arxiv.org/abs/${id}`, authors, sources: [{ file: 'd.md', line: 1 }] });

const records = [
  paper('1', ['Lin Zhang', 'Ann Lee', 'Bo Wu']),
  paper('2', ['Ann Lee', 'Bo Wu']),
  paper('3', ['Lin Zhang', 'Cy Xu']),
  paper('4', ['Ann Lee', 'Bo Wu', 'Di Ma']),
  paper('5', ['J. Smith', 'José Garcia']),
  paper('6', ['John Smith', 'Jose Garcia']),
];
const { graph } = await buildKnowledgeGraph(records, {
  taxonomy: loadTaxonomy(),
  spellings: new Map([['Ann Lee', ['Ann Lee', 'ann lee', 'Ann  Lee']]]),
});

describe('authorReport', () => {
  const rows = new Map(authorReport(graph, coauthorView(graph).view).map((r) => [r.name, r]));

  it('lists every person with the spellings merged into them', () => {
    expect(rows.size).toBe(9);
    expect(rows.get('Ann Lee')).toEqual({ key: 'ann lee', name: 'Ann Lee', spellings: ['Ann Lee', 'ann lee', 'Ann  Lee'], papers: 3, flags: [] });
  });

  it('flags a name whose co-authors form groups that never touch, and only then', () => {
    expect(rows.get('Lin Zhang')?.flags).toEqual(['co-authors in 2 groups that never touch']);
    expect(rows.get('Bo Wu')?.flags).toEqual([]);
  });

  it('flags names equal without diacritics and initial-compatible names, merging neither', () => {
    expect(rows.get('José Garcia')?.flags).toEqual(['same name without diacritics: Jose Garcia']);
    expect(rows.get('Jose Garcia')?.flags).toEqual(['same name without diacritics: José Garcia']);
    expect(rows.get('J. Smith')?.flags).toEqual(['initials match: John Smith']);
    expect(rows.get('John Smith')?.flags).toEqual(['initials match: J. Smith']);
  });
});
