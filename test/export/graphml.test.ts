import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { writeGraphML, xmlText } from '../../src/export/graphml.js';
import { writeOutputs, type JointOutput, type TextSink } from '../../src/export/outputFiles.js';
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

  it('writes the files of a joint output in one pass, and neither when the pass fails', async () => {
    const dir = await tempDir('arxiv-kg-');
    const joint = (fail: boolean): JointOutput => ({
      files: new Map([['x.txt', 'file'], ['y.txt', 'file']]),
      write: async (sinks) => {
        await sinks.get('x.txt')?.write('x');
        await sinks.get('y.txt')?.write('y'.repeat(200_000));
        if (fail) throw new Error('disk full');
      },
    });
    const names: string[] = [];
    await writeOutputs(dir, new Map([['x.txt', joint(false)], ['y.txt', joint(false)]]), (name) => names.push(name));
    expect(names).toEqual(['x.txt', 'y.txt']);
    expect(await readFile(path.join(dir, 'x.txt'), 'utf8')).toBe('x');
    expect((await readFile(path.join(dir, 'y.txt'), 'utf8')).length).toBe(200_000);
    const failing = joint(true);
    await expect(writeOutputs(dir, new Map([['x.txt', failing], ['y.txt', failing]]))).rejects.toThrow('disk full');
    expect((await readdir(dir)).sort()).toEqual(['x.txt', 'y.txt']);
    expect(await readFile(path.join(dir, 'x.txt'), 'utf8')).toBe('x');
  });
});
