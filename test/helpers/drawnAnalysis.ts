import { analyseGraph, type Analysis } from '../../src/analyse/analyseGraph.js';
import { drawAnalysis } from '../../src/analyse/layout.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import type { InputSpec } from '../../src/read/inputs.js';
import { readDigests } from '../../src/read/readDigests.js';

/** A digest (the shipped sample unless told) read, built, analysed and drawn, as `build` does it: for exporters called on their own. */
export async function drawnAnalysis(digest: InputSpec = SAMPLE_DIGEST): Promise<Analysis> {
  const { records, files, spellings } = await readDigests([digest], { diagnostics: new Diagnostics() });
  const { graph } = await buildKnowledgeGraph(records, { taxonomy: loadTaxonomy(), spellings, digests: files });
  const analysis = await analyseGraph(graph);
  await drawAnalysis(analysis);
  return analysis;
}
