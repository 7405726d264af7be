/**
 * Our exports as real tools read them: the official GraphML schema (xmllint), networkx and igraph
 * agree on every GraphML file; rapper and rdflib parse every RDF file and agree on its statements;
 * the communities we store are as good as three peer implementations (networkx Louvain, igraph
 * multilevel, leidenalg) on the same graphs. Built from the sample, a digest of hostile text and the
 * whole corpus. Uses the checkers in ../shared/tools; fails, never skips, when they are missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseFormats } from '../../src/export/formats.js';
import { DEFAULT_BASE } from '../../src/export/rdf/vocabulary.js';
import { tempDir } from '../helpers/tempDir.js';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared');
const TOOLS = path.join(SHARED, 'tools');
const DIGESTS = path.join(SHARED, 'corpus', 'digests');
const HOSTILE = path.resolve(import.meta.dirname, '..', 'fixtures', 'hostile-digest.md');
for (const needed of [path.join(TOOLS, 'graphml_check.py'), path.join(TOOLS, 'community_peer.py'), path.join(TOOLS, 'rdf_check.sh'), DIGESTS]) {
  if (!existsSync(needed)) throw new Error(`The interop suite needs ${needed} (../shared beside the repository)`);
}

const run = promisify(execFile);

/** Run a checker; resolve to its output whatever the exit code, so a failure shows what it said. */
async function check(tool: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(path.join(TOOLS, tool), args, { maxBuffer: 1 << 26 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw new Error(`${tool} could not run (${String(e.code)}): is python3 installed?`);
    return { code: e.code, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const REQUIRED = {
  'graph.graphml': [
    '--require', 'key,type,label,x,y,size,color,r,g,b,community',
    '--require-where', 'type=author:coauthor_community',
    '--require-where', 'type=paper:topic_community,paper_id,url',
    '--require-where', 'type=keyword:topic_community',
    '--require-where', 'type=category:code',
  ],
  'coauthors.graphml': ['--require', 'key,type,label,x,y,size,color,r,g,b,coauthor_community'],
  'topics.graphml': ['--require', 'key,type,label,x,y,size,color,r,g,b,topic_community'],
} as const;

const builds: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, input] of [['sample', SAMPLE_DIGEST], ['hostile', HOSTILE], ['corpus', DIGESTS]] as const) {
    const outDir = await tempDir(`arxiv-kg-${name}-`);
    const exporters = parseFormats('graphml,ttl,nt,nq,trig');
    await runBuild([input], { outDir, exporters, seed: 42, resolution: 1, base: DEFAULT_BASE, diagnostics: new Diagnostics() });
    builds[name] = outDir;
  }
});

describe.each(['sample', 'hostile', 'corpus'])('the %s build', (name) => {
  it('writes RDF in four formats that rapper and rdflib parse alike, without duplicates', async () => {
    const files = ['graph.ttl', 'graph.nt', 'graph.nq', 'graph.trig'].map((f) => path.join(builds[name] as string, f));
    const { code, output } = await check('rdf_check.sh', files);
    expect(output, output).toMatch(/rdf_check: PASS 4\/4 files/);
    expect(code).toBe(0);
  });

  it.each(Object.keys(REQUIRED))('writes %s that the schema, networkx and igraph read alike', async (file) => {
    const { code, output } = await check('graphml_check.py', [
      path.join(builds[name] as string, file),
      ...REQUIRED[file as keyof typeof REQUIRED],
    ]);
    expect(output, output).toMatch(/graphml_check: PASS/);
    expect(code).toBe(0);
  });

  it.each([
    ['coauthors.graphml', 'coauthor_community'],
    ['topics.graphml', 'topic_community'],
  ])('stores communities in %s as good as the peers find (modularity >= 0.9 x the best)', async (file, attribute) => {
    const { code, output } = await check('community_peer.py', [path.join(builds[name] as string, file), '--attr', attribute]);
    expect(output, output).toMatch(/community_peer: PASS/);
    expect(code).toBe(0);
  });
});
