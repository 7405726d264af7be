import { describe, expect, it } from 'vitest';
import { drawAnalysis, layOut } from '../../src/analyse/layout.js';
import { generatedAnalysis } from '../helpers/generatedAnalysis.js';

const workerThreads = (): number => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

describe('drawAnalysis', () => {
  it('draws on worker threads what layOut draws here, and lets the threads go', async () => {
    const onThreads = await generatedAnalysis();
    const before = workerThreads();
    const drawing = drawAnalysis(onThreads);
    expect(workerThreads()).toBe(before + 3);
    await drawing;
    expect(workerThreads()).toBe(before);

    const here = await generatedAnalysis();
    layOut(here.graph, here.communityOf.graph);
    layOut(here.coauthors, here.communityOf.coauthors);
    layOut(here.topics, here.communityOf.topics);
    expect(onThreads.graph.export()).toEqual(here.graph.export());
    expect(onThreads.coauthors.export()).toEqual(here.coauthors.export());
    expect(onThreads.topics.export()).toEqual(here.topics.export());
    onThreads.coauthors.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
  });
});
