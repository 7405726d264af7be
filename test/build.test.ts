import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOLUTION, DEFAULT_SEED } from '../src/analyse/communities.js';
import { CACHE_FOLDER, runBuild } from '../src/build.js';
import { Diagnostics } from '../src/diagnostics.js';
import { EXPORTERS } from '../src/export/formats.js';
import { DEFAULT_BASE } from '../src/export/rdf/vocabulary.js';
import { runCli } from './helpers/runCli.js';
import { tempDir } from './helpers/tempDir.js';

const ROOT = path.join(import.meta.dirname, '..');
const EXPORTS = path.join(ROOT, 'exports');
const SAMPLE = path.join(ROOT, 'samples', 'sample-digest.md');
const BUILD_OPTIONS = {
  exporters: EXPORTERS,
  seed: DEFAULT_SEED,
  resolution: DEFAULT_RESOLUTION,
  base: DEFAULT_BASE,
  diagnostics: new Diagnostics(),
};

async function build(args: string[]) {
  const out = await tempDir('arxiv-kg-build-');
  const { code, stderr } = await runCli(['build', '-o', out, ...args]);
  // The parse cache is the build's own, not an output.
  const files = (await readdir(out).catch(() => [] as string[])).filter((f) => !f.startsWith('.'));
  return { code, out, files: files.sort(), stderr };
}

const read = (folder: string, file: string): Promise<string> => readFile(path.join(folder, file), 'utf8');

describe('arxiv-kg build', () => {
  it('shows stages with counts and rates on a terminal, and prints the summary with --json', async () => {
    const out = await tempDir('arxiv-kg-build-');
    const { code, stdout, stderr } = await runCli(['build', '-o', out, '--formats', 'json', '--json'], { interactive: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/build: reading digests 1\/1 files/);
    expect(stderr).toMatch(/build: finding communities…/);
    expect(stderr).toMatch(/build: writing files 3\/3 files, \d+ files\/s/);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(await read(out, 'summary.json')));
    const quiet = await runCli(['build', '-o', out, '--formats', 'json', '--quiet'], { interactive: true });
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });

  it('rebuilds the committed exports/ of the shipped sample byte for byte', async () => {
    const { code, out, files, stderr } = await build([]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^arxiv-kg build: 32 papers -> .*summary\.json\); 0 skipped, 0 warnings, 0 notices\n$/);
    // The cache a README run of `arxiv-kg build` leaves in exports/ is not an output (and is git-ignored).
    expect(files).toEqual((await readdir(EXPORTS)).filter((name) => name !== CACHE_FOLDER).sort());
    expect(files).toEqual([
      'authors-report.csv',
      'coauthors.graphml',
      'graph.gexf',
      'graph.graphml',
      'graph.json',
      'graph.nq',
      'graph.nt',
      'graph.trig',
      'graph.ttl',
      'index.html',
      'summary.json',
      'topics.graphml',
    ]);
    for (const file of files) expect(await read(out, file), `${file} differs from exports/${file}: rebuild exports/ and review the diff`).toBe(await read(EXPORTS, file));
  });

  it('writes the same bytes twice, and other bytes for another seed', async () => {
    const first = await build(['--formats', 'json']);
    const second = await build(['--formats', 'json']);
    expect(await read(second.out, 'graph.json')).toBe(await read(first.out, 'graph.json'));
    expect(await read(second.out, 'summary.json')).toBe(await read(first.out, 'summary.json'));
    const reseeded = await build(['--formats', 'json', '--seed', '7']);
    expect(JSON.parse(await read(reseeded.out, 'summary.json')).views.full.parameters.seed).toBe(7);
  });

  it('writes only the formats asked for, plus summary.json', async () => {
    const { code, files } = await build(['--formats', 'graphml']);
    expect(code).toBe(0);
    expect(files).toEqual(['authors-report.csv', 'coauthors.graphml', 'graph.graphml', 'summary.json', 'topics.graphml']);
  });

  it('refuses an unknown format, naming the known ones, and writes nothing', async () => {
    const { code, files, stderr } = await build(['--formats', 'graphml,svg']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown format "svg"; known formats: graphml, gexf, json, html, ttl, nt, nq, trig');
    expect(files).toEqual([]);
  });

  it('writes nothing when no paper was read', async () => {
    const { code, files } = await build([path.join(ROOT, 'test', 'fixtures', 'missing.md')]);
    expect(code).toBe(2);
    expect(files).toEqual([]);
  });

  it('stops before reading, exit 73, when the output folder would be under a file, and says how to fix it', async () => {
    const folder = await tempDir('arxiv-kg-build-');
    await writeFile(path.join(folder, 'a-file'), 'not a folder');
    const out = path.join(folder, 'a-file', 'out');
    const stages: string[] = [];
    await expect(runBuild([SAMPLE], { ...BUILD_OPTIONS, outDir: out, onStage: (stage) => stages.push(stage) })).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(stages).toEqual([]);
    const { code, stderr } = await runCli(['build', '-o', out]);
    expect(code).toBe(73);
    expect(stderr).toContain(`could not write the outputs: ENOTDIR: not a directory`);
    expect(stderr).toContain('choose another folder with -o DIR');
    expect(stderr).not.toContain('internal error');
  });

  it('exits 73 when an output cannot be put in place, and replaces none of the outputs', async () => {
    const out = await tempDir('arxiv-kg-build-');
    await writeFile(path.join(out, 'graph.graphml'), 'the previous build');
    // A folder where summary.json, the last output renamed into place, should go.
    await mkdir(path.join(out, 'summary.json', 'inside'), { recursive: true });
    const { code, stderr } = await runCli(['build', '-o', out]);
    expect(code).toBe(73);
    expect(stderr).toMatch(/could not write the outputs: EISDIR.*summary\.json/);
    expect((await readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual(['graph.graphml', 'summary.json']);
    expect(await read(out, 'graph.graphml')).toBe('the previous build');
  });

  it('writes files that load back: graphology JSON and GEXF with the drawing', async () => {
    const json = DirectedGraph.from(JSON.parse(await read(EXPORTS, 'graph.json')));
    const gexf = parseGexf(DirectedGraph, await read(EXPORTS, 'graph.gexf'));
    expect(gexf.order).toBe(json.order);
    expect(gexf.size).toBe(json.size);
    const paper = 'paper:2601.14648';
    expect(gexf.getNodeAttributes(paper)).toMatchObject({
      x: json.getNodeAttribute(paper, 'x'),
      y: json.getNodeAttribute(paper, 'y'),
      size: json.getNodeAttribute(paper, 'size'),
      community: json.getNodeAttribute(paper, 'community'),
    });
    expect(gexf.getNodeAttribute(paper, 'color')).toMatch(/^(#|rgb)/);
  });
});
