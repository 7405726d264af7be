import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { writeGraphML, xmlText } from '../../src/export/graphml.js';
import { writeOutputs, writeTogether, type DetachedOutput, type Output, type TextSink } from '../../src/export/outputFiles.js';
import { tempDir } from '../helpers/tempDir.js';

async function graphml(graph: DirectedGraph): Promise<string> {
  const dir = await tempDir('arxiv-kg-');
  await writeOutputs(dir, new Map([['g.graphml', (sink) => writeGraphML(graph, sink)]]));
  return readFile(path.join(dir, 'g.graphml'), 'utf8');
}

describe('writeGraphML', () => {
  it('declares each attribute once with the type that holds all its values, and flattens lists', async () => {
    const graph = new DirectedGraph();
    graph.addNode('paper:2601.00001', { type: 'paper', label: 'A', count: 1, share: 0.5, ok: true, tags: ['x', 'y'], color: '#4e79a7' });
    graph.addNode('author:josé garcia', { type: 'author', label: 'José', count: 2.5, big: 2 ** 40 });
    graph.addEdgeWithKey('e0', 'author:josé garcia', 'paper:2601.00001', { type: 'authored', position: 1 });
    const xml = await graphml(graph);
    expect(xml).toContain('<key id="d0" for="node" attr.name="key" attr.type="string"/>');
    expect(xml).toContain('attr.name="count" attr.type="double"');
    expect(xml).toContain('attr.name="ok" attr.type="boolean"');
    expect(xml).toContain('attr.name="tags" attr.type="string"');
    expect(xml).toContain('attr.name="tags_count" attr.type="int"');
    expect(xml).toContain('attr.name="big" attr.type="long"');
    expect(xml).toContain('<key id="e0" for="edge" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('<node id="n0"><data key="d0">paper:2601.00001</data>');
    expect(xml).toMatch(/<data key="d\d+">x; y<\/data><data key="d\d+">2<\/data>/);
    expect(xml).toMatch(/<data key="d\d+">78<\/data><data key="d\d+">121<\/data><data key="d\d+">167<\/data>/);
    expect(xml).toContain('<edge source="n1" target="n0"><data key="e0">authored</data><data key="e1">authored</data><data key="e2">1</data></edge>');
    expect(xml).toContain('edgedefault="directed"');
  });

  it('names an attribute that appears after the declarations were written', async () => {
    const graph = new DirectedGraph();
    graph.addNode('paper:2601.00001', { type: 'paper' });
    const sink: TextSink = {
      write: async () => {
        graph.setNodeAttribute('paper:2601.00001', 'late', 1);
      },
      append: () => {},
      full: false,
      flush: async () => {},
    };
    await expect(writeGraphML(graph, sink)).rejects.toThrow('GraphML: attribute "late" appeared after the attribute declarations were written');
  });

  it('escapes markup and removes characters XML forbids', () => {
    expect(xmlText('<img src=x onerror="alert(1)"> & \u0000\u0008\uffff ok\t')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;  ok\t');
    expect(xmlText('lone \ud800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
    // Each character alone, so that the one scan that lets most values through must see it.
    for (const [text, written] of [['>', '&gt;'], ['"', '&quot;'], ['\u001f', ''], ['\ufffe', ''], ['\udfff', '']] as const) expect(xmlText(text)).toBe(written);
    expect(xmlText('plain text, 中文, tab\tand newline\n')).toBe('plain text, 中文, tab\tand newline\n');
  });
});

describe('writeOutputs', () => {
  it('writes all files or none: a failing writer leaves the old outputs and no temporary file', async () => {
    const dir = await tempDir('arxiv-kg-');
    await writeFile(path.join(dir, 'a.txt'), 'old a');
    await writeFile(path.join(dir, '.b.txt.99999.tmp'), 'left by a killed run');
    const failing = writeOutputs(
      dir,
      new Map([
        ['a.txt', (sink) => sink.write('new a')],
        ['b.txt', async (sink) => {
          await sink.write('x'.repeat(200_000));
          throw new Error('disk full');
        }],
      ]),
    );
    await expect(failing).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('old a');
    await writeOutputs(dir, new Map([['a.txt', (sink) => sink.write('new a')]]));
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('new a');
  });

  it('names the output a full disk refused, which the system error alone does not, and leaves nothing behind', async () => {
    const dir = await tempDir('arxiv-kg-');
    // The first writer points the second output's temporary file at /dev/full, where every write
    // fails with ENOSPC as on a full disk: the second output opens it only after the first is done.
    const full = writeOutputs(
      dir,
      new Map<string, Output>([
        ['a.txt', async (sink) => {
          await symlink('/dev/full', path.join(dir, `.b.txt.${process.pid}.tmp`));
          await sink.write('a');
        }],
        ['b.txt', (sink) => sink.write('x'.repeat(200_000))],
      ]),
    );
    await expect(full).rejects.toMatchObject({ code: 'ENOSPC', path: path.join(dir, 'b.txt'), message: expect.stringContaining(`'${path.join(dir, 'b.txt')}'`) });
    expect(await readdir(dir)).toEqual([]);
  });

  /** An output that writes its files "elsewhere": here, after `ready` resolves, as another thread would. */
  const detached = (ready: Promise<unknown>, fail: boolean, log: string[]): DetachedOutput => ({
    files: new Map([['d1.txt', 'file'], ['d2.txt', 'file']]),
    start: async (targets, onFileDone, stop) => {
      log.push('detached started');
      await ready;
      if (stop.aborted) log.push('told to stop');
      await writeTogether(targets, async ([d1, d2]) => {
        await d1?.write('d1');
        await d2?.write('d'.repeat(200_000));
        if (fail) throw new Error('the other thread failed');
      });
      log.push('detached done');
      onFileDone('d1.txt');
      onFileDone('d2.txt');
    },
  });

  it('starts a detached output before the others, writes them meanwhile, and renames every file once all are done', async () => {
    const dir = await tempDir('arxiv-kg-');
    const log: string[] = [];
    let release = (): void => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const output = detached(ready, false, log);
    const names: string[] = [];
    await writeOutputs(
      dir,
      new Map<string, Output>([
        ['a.txt', async (sink) => {
          log.push('a written');
          await sink.write('a');
          // The detached files are not in place while the others are still being written.
          expect(await readdir(dir)).not.toContain('d1.txt');
          release();
        }],
        ['d1.txt', output],
        ['d2.txt', output],
      ]),
      (name, done, total) => names.push(`${name} ${done}/${total}`),
    );
    expect(log).toEqual(['detached started', 'a written', 'detached done']);
    // Each file is told once, counting up; a.txt's closing and the detached files race, so their order is not fixed.
    expect(names.map((n) => n.split(' ')[1])).toEqual(['1/3', '2/3', '3/3']);
    expect(names.map((n) => n.split(' ')[0]).sort()).toEqual(['a.txt', 'd1.txt', 'd2.txt']);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'd1.txt', 'd2.txt']);
    expect((await readFile(path.join(dir, 'd2.txt'), 'utf8')).length).toBe(200_000);
  });

  it('keeps the previous outputs when a detached output fails, and leaves none of its files', async () => {
    const dir = await tempDir('arxiv-kg-');
    await writeFile(path.join(dir, 'a.txt'), 'old a');
    const output = detached(Promise.resolve(), true, []);
    const failing = writeOutputs(dir, new Map<string, Output>([
      ['a.txt', (sink) => sink.write('new a')],
      ['d1.txt', output],
      ['d2.txt', output],
    ]));
    await expect(failing).rejects.toThrow('the other thread failed');
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('old a');
  });

  it('when a file written here fails, tells a detached output to stop and waits for it before removing its files', async () => {
    const dir = await tempDir('arxiv-kg-');
    let release = (): void => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const log: string[] = [];
    const output = detached(ready, false, log);
    const failing = writeOutputs(dir, new Map<string, Output>([
      ['d1.txt', output],
      ['d2.txt', output],
      ['a.txt', async (sink) => {
        await sink.write('a');
        // The detached output writes its temporary files only after this one has failed.
        setTimeout(release, 50);
        throw new Error('disk full');
      }],
    ]));
    await expect(failing).rejects.toThrow('disk full');
    expect(log).toEqual(['detached started', 'told to stop', 'detached done']);
    expect(await readdir(dir)).toEqual([]);
  });
});
