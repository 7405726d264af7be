import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/runCli.js';

const ROOT = path.join(import.meta.dirname, '..');
const QUERIES = path.join(ROOT, 'samples', 'queries');
const DATA = path.join(ROOT, 'exports', 'graph.nq');

const query = (args: string[]) => runCli(['query', ...args]);

async function rows(file: string): Promise<Record<string, string>[]> {
  const { code, stdout } = await query([path.join(QUERIES, file), '--data', DATA, '--format', 'json']);
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as { results: { bindings: Record<string, { value: string }>[] } };
  return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

describe('arxiv-kg query over the sample export', () => {
  it('ships the five example queries of the README', async () => {
    expect((await readdir(QUERIES)).sort()).toEqual([
      'authors-by-papers.rq',
      'coauthors-of-a-person.rq',
      'keywords-of-a-category.rq',
      'papers-of-a-topic-community.rq',
      'papers-sharing-two-keywords.rq',
    ]);
  });

  it('finds the co-authors of a person: the other authors of their paper', async () => {
    const sample = await readFile(path.join(ROOT, 'samples', 'sample-digest.md'), 'utf8');
    const authorLine = /\*(Qingji Jiang,[^*]*Jiangzhou Wang[^*]*)\*/.exec(sample)?.[1] as string;
    const expected = authorLine.split(',').filter((n) => n !== 'Jiangzhou Wang').sort();
    const found = await rows('coauthors-of-a-person.rq');
    expect(found.map((r) => r.coauthor).sort()).toEqual(expected);
    expect(found.every((r) => r.joint_papers === '1')).toBe(true);
  });

  it('ranks authors by papers, and counts agree with the records', async () => {
    const found = await rows('authors-by-papers.rq');
    expect(found).toHaveLength(10);
    expect(found[0]).toEqual({ name: 'Lin Zhang', papers: '2' });
  });

  it('lists a topic community with its label, keywords of a category, papers sharing keywords', async () => {
    const community = await rows('papers-of-a-topic-community.rq');
    expect(community.length).toBeGreaterThan(0);
    expect(new Set(community.map((r) => r.community_label)).size).toBe(1);
    const keywords = await rows('keywords-of-a-category.rq');
    expect(keywords.length).toBeGreaterThan(0);
    expect(Number(keywords[0]?.papers)).toBeGreaterThanOrEqual(Number(keywords.at(-1)?.papers));
    const pairs = await rows('papers-sharing-two-keywords.rq');
    for (const pair of pairs) {
      expect(Number(pair.shared_keywords)).toBeGreaterThanOrEqual(2);
      expect((pair.paper as string) < (pair.other as string)).toBe(true);
    }
  });

  it('prints a table by default, and the W3C CSV and TSV formats', async () => {
    const q = 'SELECT (COUNT(DISTINCT ?p) AS ?papers) WHERE { ?p a <https://schema.org/ScholarlyArticle> }';
    expect((await query([q, '--data', DATA])).stdout).toBe('papers\n------\n32\n(1 row)\n');
    expect((await query([q, '--data', DATA, '--format', 'csv'])).stdout).toBe('papers\r\n32\r\n');
    expect((await query([q, '--data', DATA, '--format', 'tsv'])).stdout).toMatch(/^\?papers\n.*32/);
  });

  it('answers ASK and CONSTRUCT', async () => {
    expect((await query(['ASK { ?p <http://purl.org/dc/terms/identifier> "2601.14648" }', '--data', DATA])).stdout).toBe('true\n');
    const { stdout } = await query(['CONSTRUCT { ?p ?x ?y } WHERE { ?p <http://purl.org/dc/terms/identifier> "2601.14648" ; ?x ?y }', '--data', DATA]);
    expect(stdout).toContain('<https://arxiv.org/abs/2601.14648> <http://purl.org/dc/terms/identifier> "2601.14648"');
  });

  it('says what is wrong with a bad query or missing data, and exits 2', async () => {
    const bad = await query(['SELECT * WHERE { ?s ?p', '--data', DATA]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the query was refused: error at 1:');
    const missing = await query(['ASK {}', '--data', path.join(ROOT, 'nope.nq')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.nq');
  });
});
