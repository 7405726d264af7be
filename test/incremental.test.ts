import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/runCli.js';
import { tempDir } from './helpers/tempDir.js';

const ROOT = path.join(import.meta.dirname, '..');
const DIGESTS = [
  path.join(ROOT, 'samples', 'sample-digest.md'),
  path.join(ROOT, 'test', 'fixtures', 'broken-digest.md'),
  path.join(ROOT, 'test', 'fixtures', 'hostile-digest.md'),
];

/** Every output of a build folder, by name, the cache left out. */
async function outputs(folder: string): Promise<Map<string, string>> {
  const names = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), 'utf8')] as [string, string])));
}

describe('incremental builds', () => {
  it('parses only new and changed digests, and writes the bytes a clean build writes', async () => {
    const input = await tempDir('arxiv-kg-inc-in-');
    const [first, second, third] = DIGESTS as [string, string, string];
    await copyFile(first, path.join(input, 'a.md'));
    await copyFile(second, path.join(input, 'b.md'));
    const out = await tempDir('arxiv-kg-inc-out-');
    const build = (dir: string, ...flags: string[]) => runCli(['build', input, '-o', dir, ...flags]);

    expect((await build(out)).code).toBe(0);
    await copyFile(third, path.join(input, 'c.md'));
    const added = await build(out);
    expect(added.stderr).toMatch(/ \(2 of 3 files from the cache\) -> /);

    const clean = await tempDir('arxiv-kg-inc-clean-');
    const cleanRun = await build(clean, '--no-cache');
    expect(cleanRun.stderr).not.toContain('from the cache');
    expect(await readdir(clean)).not.toContain('.arxiv-kg-cache');
    const expected = await outputs(clean);
    expect([...(await outputs(out)).keys()]).toEqual([...expected.keys()]);
    for (const [name, text] of await outputs(out)) expect(text, name).toBe(expected.get(name));
    // The warnings of the broken digest are replayed from the cache, in order.
    expect(added.stderr.split('\n').filter((l) => l.includes('b.md'))).toEqual(cleanRun.stderr.split('\n').filter((l) => l.includes('b.md')));

    await writeFile(path.join(input, 'a.md'), `${await readFile(first, 'utf8')}\n`);
    const changed = await build(out);
    expect(changed.stderr).toMatch(/ \(2 of 3 files from the cache\) -> /);
    // The stale copy of a.md is pruned: one cached file per input.
    expect((await readdir(path.join(out, '.arxiv-kg-cache', 'read'))).length).toBe(3);
  });
});
