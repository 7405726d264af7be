/**
 * Our GraphML as real tools read it: the official GraphML schema (xmllint), networkx and igraph must
 * agree on every file, and the communities we store must be as good as three peer implementations
 * (networkx Louvain, igraph multilevel, leidenalg) on the same graphs. Uses the checkers in
 * ../shared/tools and fails, never skips, when they or the tools they call are missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseFormats } from '../../src/export/formats.js';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared');
const TOOLS = path.join(SHARED, 'tools');
const DIGESTS = path.join(SHARED, 'corpus', 'digests');
for (const needed of [path.join(TOOLS, 'graphml_check.py'), path.join(TOOLS, 'community_peer.py'), DIGESTS]) {
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
  for (const [name, input] of [['sample', SAMPLE_DIGEST], ['corpus', DIGESTS]] as const) {
    const outDir = await mkdtemp(path.join(tmpdir(), `arxiv-kg-${name}-`));
    await runBuild([input], { outDir, exporters: parseFormats('graphml'), seed: 42, resolution: 1, diagnostics: new Diagnostics() });
    builds[name] = outDir;
  }
});

describe.each(['sample', 'corpus'])('the %s build', (name) => {
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
