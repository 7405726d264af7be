import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TAXONOMY_FILE } from '../src/graph/taxonomy.js';
import { runCli } from './helpers/runCli.js';
import { tempDir } from './helpers/tempDir.js';

const ROOT = path.join(import.meta.dirname, '..');

// What a user of the package writes: its stages one by one, imported by the package's name (the
// package refers to itself through its "exports"), from the built dist/ that `npm test` makes first.
const STAGES = `
import { Diagnostics, DEFAULT_BASE, analyseGraph, buildKnowledgeGraph, drawAnalysis, exportOutputs, loadTaxonomy, parseFormats, readDigests, writeOutputs } from 'arxiv-kg';
const out = process.argv[1];
const { records, files, spellings } = await readDigests(['samples/sample-digest.md'], { diagnostics: new Diagnostics() });
const taxonomy = loadTaxonomy();
const { graph } = await buildKnowledgeGraph(records, { taxonomy, spellings, digests: files });
const analysis = await analyseGraph(graph);
await drawAnalysis(analysis);
await writeOutputs(out, exportOutputs(parseFormats('graphml,nt'), { analysis, taxonomy, base: DEFAULT_BASE }));
console.log(JSON.stringify({ papers: records.length, nodes: graph.order }));
`;

describe('the package as a library', () => {
  it('is imported by its name, and its stages write what arxiv-kg build writes', async () => {
    const [library, cli] = await Promise.all([tempDir('arxiv-kg-'), tempDir('arxiv-kg-')]);
    // --expose-gc as well: a V8 option, which the worker threads the layout starts must also accept.
    const node = ['--expose-gc', '--input-type=module', '--eval', STAGES, '--', library];
    const { stdout } = await promisify(execFile)(process.execPath, node, { cwd: ROOT });
    expect(JSON.parse(stdout)).toMatchObject({ papers: 32 });
    expect((await runCli(['build', '--quiet', '--no-cache', '-o', cli, '--formats', 'graphml,nt'])).code).toBe(0);
    for (const file of ['graph.graphml', 'coauthors.graphml', 'topics.graphml', 'graph.nt']) {
      expect(await readFile(path.join(library, file), 'utf8'), file).toBe(await readFile(path.join(cli, file), 'utf8'));
    }
  });

  it('packs what a build reads at run time: the entry points, the viewer, the taxonomy and its licence', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const packed = new Set((JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
    const data = (await readdir(path.join(ROOT, 'data'))).map((file) => `data/${file}`);
    const viewer = (await readdir(path.join(ROOT, 'dist/viewer'))).map((file) => `dist/viewer/${file}`);
    expect(data).toContain(path.relative(ROOT, TAXONOMY_FILE));
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/bin.js', 'dist/cli.js', ...viewer, ...data]) expect(packed, file).toContain(file);
  });
});
