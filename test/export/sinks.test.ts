import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analyse/random.js';
import { MANIFEST_FILE, writeOutputs, writeTogether, type DetachedOutput, type TextSink } from '../../src/export/outputFiles.js';
import { tempDir } from '../helpers/tempDir.js';

/**
 * Text the sinks encode in steps: ASCII, Latin-1, CJK and astral characters (surrogate pairs), in
 * lines, cut into pieces at any code unit, so that a pair is often split between two pieces.
 */
function pieces(seed: number, lines: number): { text: string; pieces: string[] } {
  const random = seededRandom(seed);
  const alphabet = ['a', 'b', ' ', 'é', 'ß', '—', '中', '文', '𝔸', '😀', '"', '<'];
  let text = '';
  for (let l = 0; l < lines; l++) {
    const length = Math.floor(random() * 300);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)] as string;
    text += '\n';
  }
  const cut: string[] = [];
  for (let at = 0; at < text.length; ) {
    const length = 1 + Math.floor(random() * (random() < 0.01 ? 40_000 : 200));
    cut.push(text.slice(at, at + length));
    at += length;
  }
  return { text, pieces: cut };
}

async function appendAll(sink: TextSink, texts: readonly string[]): Promise<void> {
  for (const text of texts) {
    sink.append(text);
    if (sink.full) await sink.flush();
  }
}

describe('file sinks', () => {
  it.each([1, 2, 3])('write the UTF-8 of the text appended, pairs split between pieces or not (seed %i)', async (seed) => {
    const { text, pieces: texts } = pieces(seed, 6_000);
    expect(texts.some((t) => /[\ud800-\udbff]$/.test(t))).toBe(true);
    const dir = await tempDir('arxiv-kg-sinks-');
    await writeOutputs(dir, new Map([['out.txt', (sink) => appendAll(sink, texts)]]));
    const written = await readFile(path.join(dir, 'out.txt'));
    expect(written.length).toBeGreaterThan(1 << 20);
    expect(written.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes a lone high surrogate at the very end as Buffer.from does', async () => {
    const dir = await tempDir('arxiv-kg-sinks-');
    await writeOutputs(dir, new Map([['out.txt', (sink) => appendAll(sink, ['ab', '\ud835'])]]));
    expect((await readFile(path.join(dir, 'out.txt'))).equals(Buffer.from('ab\ud835', 'utf8'))).toBe(true);
  });

  it('cut the same bytes into whole-line parts', async () => {
    const { text, pieces: texts } = pieces(4, 6_000);
    const dir = await tempDir('arxiv-kg-sinks-');
    const layout = { partBytes: 100_000, gzip: false, extension: 'nq', mediaType: 'application/n-quads' };
    const parted: DetachedOutput = {
      files: new Map([['out.parts', layout]]),
      start: (targets) => writeTogether(targets, ([sink]) => appendAll(sink as TextSink, texts)),
    };
    await writeOutputs(dir, new Map([['out.parts', parted]]));
    const folder = path.join(dir, 'out.parts');
    const files = (await readdir(folder)).filter((f) => f !== MANIFEST_FILE).sort();
    expect(files.length).toBeGreaterThan(10);
    const parts = await Promise.all(files.map((f) => readFile(path.join(folder, f))));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(layout.partBytes);
      expect(part[part.length - 1]).toBe(0x0a);
    }
    expect(Buffer.concat(parts).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
