import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AbstractGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { writeViewer } from '../../src/export/html.js';
import { writeOutputs } from '../../src/export/outputFiles.js';
import type { PageLimits } from '../../src/export/viewerData.js';
import type { ViewerPayload } from '../../src/export/viewerPayload.js';
import { drawnAnalysis } from '../helpers/drawnAnalysis.js';
import { tempDir } from '../helpers/tempDir.js';

const analysis = await drawnAnalysis();

/** The data of the page written with `limits`. */
async function pageData(limits?: PageLimits): Promise<ViewerPayload> {
  const dir = await tempDir('arxiv-kg-html-');
  await writeOutputs(dir, new Map([['index.html', (sink) => writeViewer(analysis, sink, limits)]]));
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="kg-data">(.*?)<\/script>/s.exec(html)?.[1] as string;
  return JSON.parse(json) as ViewerPayload;
}

describe('the viewer page', () => {
  it('carries every view whole when it fits', async () => {
    const data = await pageData();
    expect(data.views.coauthors.nodes).toHaveLength(analysis.coauthors.order);
    expect(data.views.coauthors.edges).toHaveLength(analysis.coauthors.size);
    expect(data.views.full.nodes).toHaveLength(analysis.graph.order);
    expect(Object.keys(data.papers)).toHaveLength(32);
    for (const view of Object.values(data.views)) expect(view.omitted).toBeUndefined();
  });

  it('cuts a view over the limits to its best-connected nodes, with the edges among them and their papers only', async () => {
    const limits = { nodes: 12, edges: 15 };
    const data = await pageData(limits);
    const views: ['full' | 'coauthors' | 'topics', AbstractGraph][] = [['full', analysis.graph], ['coauthors', analysis.coauthors], ['topics', analysis.topics]];
    for (const [name, graph] of views) {
      const view = data.views[name];
      expect(view.nodes.length).toBeLessThanOrEqual(limits.nodes);
      expect(view.edges.length).toBeLessThanOrEqual(limits.edges);
      expect(view.nodes.length + (view.omitted?.nodes ?? 0)).toBe(graph.order);
      expect(view.edges.length + (view.omitted?.edges ?? 0)).toBe(graph.size);
      const kept = new Set(view.nodes.map((n) => n.key));
      // Best-connected: no node left off has a higher degree than the least connected one kept.
      const keptDegree = Math.min(...[...kept].map((n) => graph.degree(n)));
      const cutDegree = Math.max(...graph.filterNodes((n) => !kept.has(n)).map((n) => graph.degree(n)));
      expect(cutDegree).toBeLessThanOrEqual(keptDegree);
      // Every edge between kept nodes is there, and each names two of them.
      const between = graph.filterEdges((_, _a, s, t) => kept.has(s) && kept.has(t)).length;
      expect(view.edges).toHaveLength(between);
      for (const [s, t] of view.edges) expect([view.nodes[s], view.nodes[t]].every((n) => n !== undefined)).toBe(true);
    }
    expect(data.views.coauthors.omitted?.nodes).toBeGreaterThan(0);
    const carried = new Set(Object.values(data.views).flatMap((v) => v.nodes.map((n) => n.key)));
    expect(Object.keys(data.papers).length).toBeGreaterThan(0);
    for (const paper of Object.keys(data.papers)) expect(carried.has(paper)).toBe(true);
  });
});
