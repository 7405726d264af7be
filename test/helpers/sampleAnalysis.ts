import { analyseGraph, type Analysis } from '../../src/analyse/analyseGraph.js';
import { drawAnalysis } from '../../src/analyse/layout.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import { readDigests } from '../../src/read/readDigests.js';

/** The shipped sample read, built, analysed and drawn, as `build` does it: for exporters called on their own. */
export async function sampleAnalysis(): Promise<Analysis> {
  const { records, files, spellings } = await readDigests([SAMPLE_DIGEST], { diagnostics: new Diagnostics() });
  const analysis = analyseGraph(buildKnowledgeGraph(records, { taxonomy: loadTaxonomy(), spellings, digests: files }).graph);
  drawAnalysis(analysis);
  return analysis;
}
