import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/analyse/communities.js';
import { weightedDegrees } from '../../src/analyse/labels.js';
import { communitiesOnWorker } from '../../src/analyse/louvainWorker.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import { fullViewEdges, weightedView, type WeightedEdgeList } from '../../src/graph/views.js';
import { readDigests } from '../../src/read/readDigests.js';
import { workerThreads } from '../helpers/workerThreads.js';

async function sampleEdges(): Promise<WeightedEdgeList> {
  const { records, spellings } = await readDigests([SAMPLE_DIGEST], { diagnostics: new Diagnostics() });
  const { graph } = await buildKnowledgeGraph(records, { taxonomy: loadTaxonomy(), spellings });
  return fullViewEdges(graph);
}

/** A copy: the worker takes the list's arrays away. */
const copy = (list: WeightedEdgeList): WeightedEdgeList => ({
  nodes: [...list.nodes],
  sources: list.sources.slice(),
  targets: list.targets.slice(),
  weights: list.weights.slice(),
});

describe('communitiesOnWorker', () => {
  it('finds on a worker thread the partition found here, entry for entry, and lets the thread go', async () => {
    const list = await sampleEdges();
    const options = { seed: 3, resolution: 1.2 };
    const view = weightedView(copy(list));
    const here = detectCommunities(view, options);
    expect(here.count).toBeGreaterThan(1);

    const before = workerThreads();
    const running = communitiesOnWorker(copy(list), options);
    expect(workerThreads()).toBeGreaterThan(before);
    const there = await running;
    expect(workerThreads()).toBe(before);

    expect([...there.partition.community]).toEqual([...here.community]);
    expect(there.partition).toEqual(here);
    expect(there.optimised).toEqual({ nodes: view.order, edges: view.size });
    const degrees = weightedDegrees(view);
    expect(there.strength.size).toBe(view.order);
    for (const node of view.nodes()) expect(there.strength.get(node)).toBe(degrees.get(node) ?? 0);
  });

  it('stops the worker when told to, without waiting for its partition, and lets the thread go', async () => {
    const list = await sampleEdges();
    const before = workerThreads();
    const stop = new AbortController();
    const running = communitiesOnWorker(copy(list), {}, stop.signal);
    expect(workerThreads()).toBeGreaterThan(before);
    // Aborted before the worker could reply: a partition coming back would resolve instead.
    const reason = new Error('the main thread failed');
    stop.abort(reason);
    await expect(running).rejects.toBe(reason);
    expect(workerThreads()).toBe(before);
  });

  it('hands on a failure on the worker and lets the thread go', async () => {
    const list = await sampleEdges();
    const broken = { ...copy(list), targets: Int32Array.from(list.targets, () => list.nodes.length) };
    const before = workerThreads();
    await expect(communitiesOnWorker(broken, {})).rejects.toThrow(/not found|undefined/i);
    expect(workerThreads()).toBe(before);
  });
});
