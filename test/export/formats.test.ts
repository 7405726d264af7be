import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawAnalysis } from '../../src/analyse/layout.js';
import { EXPORTERS, exportOutputs } from '../../src/export/formats.js';
import { writeOutputs } from '../../src/export/outputFiles.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import { generatedAnalysis } from '../helpers/generatedAnalysis.js';
import { tempDir } from '../helpers/tempDir.js';

const BASE = 'https://example.org/kg/';

async function filesIn(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));
}

describe('exportOutputs', () => {
  it('writes the files that show no layout while drawing runs, and the others once it is done, as if drawn first', async () => {
    const taxonomy = loadTaxonomy();
    const drawn = new Set(EXPORTERS.filter((e) => e.drawn).map((e) => e.format));

    const whileDrawing = await generatedAnalysis();
    const drawing = drawAnalysis(whileDrawing);
    let drawingDone = false;
    void drawing.then(() => (drawingDone = true));
    const concurrent = await tempDir('arxiv-kg-formats-');
    const written: { name: string; afterDrawing: boolean }[] = [];
    await writeOutputs(concurrent, exportOutputs(EXPORTERS, { analysis: whileDrawing, taxonomy, base: BASE }, drawing), (name) =>
      written.push({ name, afterDrawing: drawingDone }),
    );

    const drawnFirst = await generatedAnalysis();
    await drawAnalysis(drawnFirst);
    const sequential = await tempDir('arxiv-kg-formats-');
    await writeOutputs(sequential, exportOutputs(EXPORTERS, { analysis: drawnFirst, taxonomy, base: BASE }, Promise.resolve()));

    const showsLayout = (name: string): boolean => /\.(graphml|gexf|json|html)$/.test(name);
    expect(drawn).toEqual(new Set(['graphml', 'gexf', 'json', 'html']));
    const firstDrawn = written.findIndex(({ name }) => showsLayout(name));
    expect(written.slice(0, firstDrawn).map(({ name }) => name)).toEqual(['graph.ttl', 'graph.nt', 'graph.nq', 'graph.trig']);
    for (const { name, afterDrawing } of written.slice(firstDrawn)) expect([name, afterDrawing]).toEqual([name, showsLayout(name)]);
    expect(await filesIn(concurrent)).toEqual(await filesIn(sequential));
  });
});
