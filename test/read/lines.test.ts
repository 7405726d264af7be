import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/read/lines.js';

async function* chunksOf(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function collect(...parts: (string | Buffer)[]) {
  const lines: [number, string][] = [];
  const stats = await readLines(chunksOf(...parts), (text, no) => lines.push([no, text]));
  return { lines, stats };
}

describe('readLines', () => {
  it('hands out lines that do not keep their chunk alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 200 chunks of 64 KiB, each with one character outside Latin-1 (so decoded at two bytes a
    // character); only a short line of each is kept. Lines cut from each decoded chunk kept 13 MB here.
    const filler = `${'x'.repeat(99)}\n`.repeat(655);
    const chunks = Array.from({ length: 200 }, (_, i) => Buffer.from(`kept line ${i}\n${filler}\u2014\n`));
    const kept: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    await readLines(chunksOf(...chunks), (text) => {
      if (text.startsWith('kept')) kept.push(text);
    });
    gc();
    expect(kept).toHaveLength(200);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 2 ** 20);
  });

  it('joins lines split across chunks, a multi-byte character included', async () => {
    const bytes = Buffer.from('ab\ncé\n中文\nlast');
    const { lines, stats } = await collect(bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5, 9), bytes.subarray(9));
    expect(lines).toEqual([
      [1, 'ab'],
      [2, 'cé'],
      [3, '中文'],
      [4, 'last'],
    ]);
    expect(stats).toMatchObject({ bytes: bytes.length, lines: 4, binary: false, invalidUtf8Lines: 0 });
  });

  it('drops CR before LF and a byte-order mark, and adds no line after a final newline', async () => {
    const { lines } = await collect('\ufeffone\r\ntwo\r\n');
    expect(lines).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('decodes invalid UTF-8 with replacement characters and counts the lines', async () => {
    const { lines, stats } = await collect(Buffer.from([0x6f, 0x6b, 0x0a, 0x62, 0xff, 0x61, 0x64, 0x0a]));
    expect(lines).toEqual([
      [1, 'ok'],
      [2, 'b\ufffdad'],
    ]);
    expect(stats).toMatchObject({ invalidUtf8Lines: 1, firstInvalidUtf8Line: 2 });
  });

  it('refuses binary data', async () => {
    const { lines, stats } = await collect(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x41]));
    expect(lines).toEqual([]);
    expect(stats.binary).toBe(true);
  });

  it('reads a line of several megabytes', async () => {
    const long = 'x'.repeat(3 << 20);
    const parts = [long.slice(0, 1 << 20), long.slice(1 << 20, 2 << 20), `${long.slice(2 << 20)}\nend`];
    const { lines } = await collect(...parts);
    expect(lines.map(([no, text]) => [no, text.length])).toEqual([
      [1, 3 << 20],
      [2, 3],
    ]);
  });
});
