/**
 * The sample export in a real triple store: `arxiv-kg push` uploads it to a throwaway Virtuoso over
 * the Graph Store protocol, and the README's example queries answer with the same rows there as in
 * the embedded oxigraph store; split, gzipped N-Quads load with Virtuoso's bulk loader (last: it adds a
 * second copy under another base). Needs Debian's virtuoso-opensource (`.ci/run` installs it); fails,
 * never skips, without it.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore, runQuery } from '../../src/query/sparql.js';
import { runCli } from '../helpers/runCli.js';
import { startVirtuoso, type Virtuoso } from './virtuoso.js';
import { tempDir } from '../helpers/tempDir.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXPORT = path.join(ROOT, 'exports', 'graph.nq');
const QUERIES = path.join(ROOT, 'samples', 'queries');

let virtuoso: Virtuoso;
beforeAll(async () => {
  virtuoso = await startVirtuoso();
});
afterAll(async () => {
  await virtuoso?.stop();
});

interface SparqlJson {
  head: { vars: string[] };
  results: { bindings: Record<string, { value: string }>[] };
}

/** Rows as plain strings in variable order: what both stores must agree on. */
function rowsOf(json: SparqlJson): string[][] {
  return json.results.bindings.map((b) => json.head.vars.map((v) => b[v]?.value ?? ''));
}

async function virtuosoRows(query: string): Promise<string[][]> {
  const response = await fetch(virtuoso.sparql, {
    method: 'POST',
    headers: { accept: 'application/sparql-results+json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query }),
  });
  expect(response.status).toBe(200);
  return rowsOf((await response.json()) as SparqlJson);
}

const countQuery = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/arxiv-kg/")) }';

describe('arxiv-kg push to Virtuoso', () => {
  it('uploads every named graph of the export, and --replace does not duplicate', async () => {
    const quads = new Parser({ format: 'N-Quads' }).parse(await readFile(EXPORT, 'utf8'));
    const graphs = new Set(quads.map((q) => q.graph.value)).size;
    const first = await runCli(['push', EXPORT, '--endpoint', virtuoso.graphStore, '--replace']);
    expect(first.stderr).toBe(`arxiv-kg push: ${quads.length} statements in ${graphs} request(s) to ${virtuoso.graphStore}\n`);
    expect(first.code).toBe(0);
    expect(await virtuosoRows(countQuery)).toEqual([[String(quads.length)]]);
    expect((await runCli(['push', EXPORT, '--endpoint', virtuoso.graphStore, '--replace', '-q'])).code).toBe(0);
    expect(await virtuosoRows(countQuery)).toEqual([[String(quads.length)]]);
  });

  it('sends a Turtle file to the graph asked for', async () => {
    const ttl = path.join(ROOT, 'exports', 'graph.ttl');
    const { code } = await runCli(['push', ttl, '--endpoint', virtuoso.graphStore, '--graph', 'urn:arxiv-kg:test', '--replace', '-q']);
    expect(code).toBe(0);
    const rows = await virtuosoRows('SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:arxiv-kg:test> { ?s ?p ?o } }');
    expect(Number(rows[0]?.[0])).toBe(new Parser({ format: 'Turtle' }).parse(await readFile(ttl, 'utf8')).length);
    // Drop it again: the store's union of graphs must hold each statement once for the queries below.
    const dropped = await fetch(`${virtuoso.graphStore}?graph=${encodeURIComponent('urn:arxiv-kg:test')}`, { method: 'DELETE' });
    expect(dropped.ok).toBe(true);
  });

  it('says what the server answered when it refuses, and exits 3', async () => {
    const { code, stderr } = await runCli(['push', EXPORT, '--endpoint', `${virtuoso.sparql}-no-such-endpoint`]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/answered 4\d\d /);
  });

  it('answers the README example queries with the same rows as oxigraph', async () => {
    const store = await loadStore([EXPORT]);
    const files = (await readdir(QUERIES)).filter((f) => f.endsWith('.rq')).sort();
    expect(files).toHaveLength(5);
    for (const file of files) {
      const query = await readFile(path.join(QUERIES, file), 'utf8');
      const embedded = rowsOf(JSON.parse(runQuery(store, query, 'json')) as SparqlJson);
      expect(embedded.length, file).toBeGreaterThan(0);
      expect(await virtuosoRows(query), file).toEqual(embedded);
    }
  });
});

/** The one number an isql `select count(*)` printed. */
function isqlNumber(output: string): number {
  const lines = output.split('\n');
  const rule = lines.findIndex((l) => /^_{10,}/.test(l));
  const value = lines.slice(rule + 1).find((l) => l.trim() !== '');
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) throw new Error(`no count in isql output:\n${output}`);
  return Number(value);
}

describe('bulk loading split, gzipped N-Quads into Virtuoso', () => {
  it('loads every part with ld_dir and rdf_loader_run, each statement once', async () => {
    const base = 'https://example.org/bulk/';
    const out = await tempDir('arxiv-kg-bulk-');
    const built = await runCli(['build', '-o', out, '--formats', 'nq', '--split-bytes', '100000', '--gzip', '--base', base, '-q']);
    expect(built.code).toBe(0);
    const folder = path.join(out, 'graph.nq.parts');
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { statements: number; parts: { file: string }[] };
    expect(manifest.parts.length).toBeGreaterThan(3);
    const text = manifest.parts.map(({ file }) => gunzipSync(readFileSync(path.join(folder, file))).toString('utf8')).join('');
    const quads = new Set(new Parser({ format: 'N-Quads' }).parse(text).map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id} ${q.graph.id}`));

    await virtuoso.isql(`ld_dir('${folder}', '*.nq.gz', 'urn:arxiv-kg:bulk-default');`);
    await virtuoso.isql('rdf_loader_run();');
    expect(isqlNumber(await virtuoso.isql(`select count(*) from DB.DBA.load_list where ll_file like '${folder}/%' and ll_state = 2 and ll_error is null;`))).toBe(manifest.parts.length);
    const rows = await virtuosoRows(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${base}")) }`);
    expect(Number(rows[0]?.[0])).toBe(quads.size);
    expect(quads.size).toBe(manifest.statements);
  });
});
