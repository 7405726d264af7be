import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { readDigests } from '../../src/read/readDigests.js';
import { tempDir } from '../helpers/tempDir.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const ENTRY = (id: string, title: string) => `### [1] [${title}](https://arxiv.org/abs/${id})\n*A Author,B Author*\n\nTL;DR: t\n`;

async function read(inputs: Parameters<typeof readDigests>[0], stdinText = '') {
  const reported: Diagnostic[] = [];
  const result = await readDigests(inputs, {
    diagnostics: new Diagnostics((d) => reported.push(d)),
    stdin: () => Readable.from([Buffer.from(stdinText)]),
  });
  return { ...result, reported, messages: reported.map(formatDiagnostic) };
}

describe('readDigests', () => {
  it('keeps every good entry of a damaged digest and names file and line of each problem', async () => {
    const file = path.join(FIXTURES, 'broken-digest.md');
    const { records, messages } = await read([file]);
    expect(records.map((r) => [r.id, r.title, r.authors, r.abstract])).toEqual([
      ['2601.10001', 'A good entry before the damage', ['Ada Lovelace', 'Alan Turing'], 'This abstract must survive the damage around it.'],
      ['2601.10003', undefined, ['Grace Hopper'], undefined],
      ['2601.10004', 'Markup in a title <img src=x onerror=alert(1)> & friends', ['<b>Bold</b> Name', 'Ada Lovelace', 'Jose Garcia'], undefined],
      ['2601.10005', 'A good entry after the damage', ['Alan Turing', 'José Garcia'], 'The file is cut off in the middle of this abstr'],
    ]);
    expect(records[0]?.tldr).toBeUndefined();
    expect(messages).toEqual([
      `${file}:26: paper heading has no link to the paper; entry skipped (add the arXiv link to keep it)`,
      `${file}:31: paper heading has an empty title; kept the paper without a title`,
      `${file}:48: file ends inside an entry (<details> never closed); kept what was read of it`,
      `${file}:12: 1 generated field(s) hold an LLM failure message such as "Summary generation failed"; dropped those fields and kept the papers`,
      `${file}:5: table of contents announces 6 entries under cs.CL, 5 found; kept the entries found`,
      `${file}:41: author names "Jose Garcia" and "José Garcia" differ only in diacritics; kept them as different people`,
    ]);
  });

  it('walks folders in code-point order, reads .md and .txt only, and reads a file named twice once', async () => {
    const dir = await tempDir('arxiv-kg-');
    await mkdir(path.join(dir, 'b'));
    await mkdir(path.join(dir, '.hidden'));
    await writeFile(path.join(dir, 'b', '2026-01-02.md'), ENTRY('2601.00002', 'Two'));
    await writeFile(path.join(dir, 'a.txt'), ENTRY('2601.00001', 'One'));
    await writeFile(path.join(dir, 'Z.md'), ENTRY('2601.00000', 'Zero'));
    await writeFile(path.join(dir, 'notes.json'), ENTRY('2601.00009', 'Not a digest'));
    await writeFile(path.join(dir, '.hidden', 'x.md'), ENTRY('2601.00008', 'Hidden'));
    const { records, files } = await read([dir, path.join(dir, 'a.txt')]);
    expect(files.map((f) => path.relative(dir, f.file))).toEqual(['Z.md', 'a.txt', path.join('b', '2026-01-02.md')]);
    expect(records.map((r) => [r.id, r.date])).toEqual([
      ['2601.00000', undefined],
      ['2601.00001', undefined],
      ['2601.00002', '2026-01-02'],
    ]);
  });

  it('follows symbolic links in folders, reading each real file once', async () => {
    const dir = await tempDir('arxiv-kg-');
    const elsewhere = await tempDir('arxiv-kg-');
    await writeFile(path.join(elsewhere, 'linked.md'), ENTRY('2601.00011', 'Linked'));
    await writeFile(path.join(dir, 'own.md'), ENTRY('2601.00012', 'Own'));
    await symlink(path.join(elsewhere, 'linked.md'), path.join(dir, 'a-link.md'));
    await symlink(elsewhere, path.join(dir, 'b-folder'));
    await symlink(dir, path.join(dir, 'c-loop'));
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'd-dangling.md'));
    const { records, files, reported } = await read([dir]);
    expect(files.map((f) => path.relative(dir, f.file))).toEqual(['a-link.md', 'own.md']);
    expect(records.map((r) => [r.id, r.sources.length])).toEqual([
      ['2601.00011', 1],
      ['2601.00012', 1],
    ]);
    expect(reported).toEqual([]);
  });

  it('reports missing, empty, binary and badly encoded files and still reads the rest', async () => {
    const dir = await tempDir('arxiv-kg-');
    const empty = path.join(dir, 'empty.md');
    const binary = path.join(dir, 'image.md');
    const latin1 = path.join(dir, 'latin1.md');
    await writeFile(empty, '');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(latin1, Buffer.concat([Buffer.from(ENTRY('2601.00003', 'Caf')), Buffer.from('*Jos\xe9 Garc\xeda*\n', 'latin1')]));
    const missing = path.join(dir, 'missing.md');
    const { records, reported } = await read([missing, empty, binary, latin1]);
    expect(records.map((r) => r.id)).toEqual(['2601.00003']);
    expect(reported.map((d) => [d.severity, path.basename(d.file), d.line, d.problem.replace(/\(ENOENT.*\)/, '(ENOENT)')])).toEqual([
      ['skipped', 'missing.md', undefined, 'cannot read it (ENOENT)'],
      ['warning', 'empty.md', undefined, 'no paper entries found'],
      ['skipped', 'image.md', undefined, 'binary data (NUL bytes), not a Markdown digest'],
      ['warning', 'latin1.md', 5, '1 line(s) are not valid UTF-8'],
    ]);
  });

  it('reads standard input for -', async () => {
    const { records } = await read(['-'], ENTRY('2601.00007', 'From stdin'));
    expect(records).toEqual([
      expect.objectContaining({ id: '2601.00007', title: 'From stdin', sources: [{ file: '<stdin>', line: 1 }] }),
    ]);
  });
});
