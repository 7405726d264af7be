import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, writeOutputs, writeTogether, type DetachedOutput, type TextSink } from '../../src/export/outputFiles.js';
import { runCli } from '../helpers/runCli.js';
import { tempDir } from '../helpers/tempDir.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

interface Manifest {
  mediaType: string;
  compression: string;
  partBytes: number;
  statements: number;
  parts: { file: string; statements: number; bytes: number }[];
}

async function readParts(folder: string): Promise<{ manifest: Manifest; texts: string[] }> {
  const manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  const texts = await Promise.all(
    manifest.parts.map(async ({ file }) => {
      const bytes = await readFile(path.join(folder, file));
      return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    }),
  );
  return { manifest, texts };
}

describe('parted outputs', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `<s${i}> <p> "é ${'x'.repeat(i % 7)}" .\n`);
  const parted = (name: string, partBytes: number, gzip: boolean, text = lines.join('')): DetachedOutput => ({
    files: new Map([[name, { partBytes, gzip, extension: 'nq', mediaType: 'application/n-quads' }]]),
    start: (targets) =>
      writeTogether(targets, async ([sink]) => {
        for (const piece of text.match(/[\s\S]{1,13}/g) ?? []) await (sink as TextSink).write(piece);
      }),
  });

  it.each([false, true])('cuts between lines, every part at most partBytes, nothing lost (gzip %s)', async (gzip) => {
    const dir = await tempDir('arxiv-kg-parts-');
    await writeOutputs(dir, new Map([['graph.nq.parts', parted('graph.nq.parts', 100, gzip)]]));
    const { manifest, texts } = await readParts(path.join(dir, 'graph.nq.parts'));
    expect(texts.join('')).toBe(lines.join(''));
    expect(manifest.statements).toBe(lines.length);
    expect(manifest.parts.length).toBeGreaterThan(5);
    for (const [i, part] of manifest.parts.entries()) {
      expect(part.file).toBe(`part-${String(i + 1).padStart(5, '0')}.nq${gzip ? '.gz' : ''}`);
      expect(part.bytes).toBeLessThanOrEqual(100);
      expect(Buffer.byteLength(texts[i] as string)).toBe(part.bytes);
      expect((texts[i] as string).endsWith('\n')).toBe(true);
    }
    expect(await readdir(dir)).toEqual(['graph.nq.parts']);
  });

  it.each([false, true])('leaves no part behind when the pass fails (gzip %s)', async (gzip) => {
    const dir = await tempDir('arxiv-kg-parts-');
    const failing: DetachedOutput = {
      files: new Map([['graph.nq.parts', { partBytes: 100, gzip, extension: 'nq', mediaType: 'application/n-quads' }]]),
      start: (targets) =>
        writeTogether(targets, async ([sink]) => {
          for (const line of lines) await (sink as TextSink).write(line);
          await (sink as TextSink).flush();
          throw new Error('disk full');
        }),
    };
    await expect(writeOutputs(dir, new Map([['graph.nq.parts', failing]]))).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual([]);
  });

  it('puts a line longer than a part in a part of its own', async () => {
    const dir = await tempDir('arxiv-kg-parts-');
    const text = `short .\n${'y'.repeat(250)} .\nshort again .\n`;
    await writeOutputs(dir, new Map([['p', parted('p', 100, false, text)]]));
    const { texts } = await readParts(path.join(dir, 'p'));
    expect(texts).toEqual(['short .\n', `${'y'.repeat(250)} .\n`, 'short again .\n']);
  });
});

describe('arxiv-kg build --split-bytes', () => {
  it('writes N-Quads parts that put together are graph.nq, and replaces an earlier folder whole', async () => {
    const out = await tempDir('arxiv-kg-split-');
    const first = await runCli(['build', '-o', out, '--formats', 'nq,nt', '--split-bytes', '100000', '--gzip']);
    expect(first.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['.arxiv-kg-cache', 'authors-report.csv', 'graph.nq.parts', 'graph.nt.parts', 'summary.json']);
    const { manifest, texts } = await readParts(path.join(out, 'graph.nq.parts'));
    expect(texts.join('')).toBe(await readFile(path.join(ROOT, 'exports', 'graph.nq'), 'utf8'));
    expect(manifest).toMatchObject({ mediaType: 'application/n-quads', compression: 'gzip', partBytes: 100000 });
    // Cut only between lines, parts fill up to all but the last line that did not fit.
    const fewest = Math.ceil(manifest.parts.reduce((n, p) => n + p.bytes, 0) / 100000);
    expect(manifest.parts.length).toBeGreaterThanOrEqual(fewest);
    expect(manifest.parts.length).toBeLessThanOrEqual(fewest + 1);

    const second = await runCli(['build', '-o', out, '--formats', 'nq', '--split-bytes', '400000']);
    expect(second.code).toBe(0);
    const files = await readdir(path.join(out, 'graph.nq.parts'));
    expect(files.sort()).toEqual(['manifest.json', 'part-00001.nq', 'part-00002.nq', 'part-00003.nq']);
  });

  it('writes parts beside the plain file its pass shares (N-Triples with Turtle, N-Quads with TriG), each as written alone', async () => {
    const out = await tempDir('arxiv-kg-split-');
    const run = await runCli(['build', '-o', out, '--formats', 'ttl,nt,nq,trig', '--split-bytes', '100000']);
    expect(run.code).toBe(0);
    for (const format of ['nt', 'nq']) {
      const { texts } = await readParts(path.join(out, `graph.${format}.parts`));
      expect(texts.join('')).toBe(await readFile(path.join(ROOT, 'exports', `graph.${format}`), 'utf8'));
    }
    for (const file of ['graph.ttl', 'graph.trig']) {
      expect(await readFile(path.join(out, file), 'utf8')).toBe(await readFile(path.join(ROOT, 'exports', file), 'utf8'));
    }
  });

  it('refuses --gzip alone and a part size too small to be useful, saying how', async () => {
    const gzip = await runCli(['build', '-o', await tempDir('arxiv-kg-split-'), '--gzip']);
    expect(gzip.code).toBe(2);
    expect(gzip.stderr).toContain('--split-bytes 100000000 --gzip');
    const small = await runCli(['build', '--split-bytes', '10']);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('--split-bytes wants a whole number of bytes of at least 100000');
  });
});
