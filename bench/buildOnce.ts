/**
 * One full `build`, every format, in a process of its own so that its memory is its own: prints one
 * JSON line per stage as it starts ({"stage", "at", "cpuMs"}: `at` in ms since the process started,
 * `cpuMs` the CPU time of every thread of the process so far, user and system), one per
 * output file as it is complete ({"written", "at"}) and a last line with the papers read and the
 * peak resident set size. bench/scale.ts runs it, with the young generation `arxiv-kg build` has
 * (`YOUNG_GENERATION_FLAG`), and samples its RSS from outside.
 *
 *   node --max-semi-space-size=64 --import tsx bench/buildOnce.ts DIGESTS OUT_DIR
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_RESOLUTION, DEFAULT_SEED } from '../src/analyse/communities.js';
import { runBuild } from '../src/build.js';
import { Diagnostics } from '../src/diagnostics.js';
import { EXPORTERS } from '../src/export/formats.js';
import { DEFAULT_BASE } from '../src/export/rdf/vocabulary.js';

const [input, outDir] = process.argv.slice(2);
if (input === undefined || outDir === undefined) {
  console.error('usage: buildOnce.ts DIGESTS OUT_DIR');
  process.exit(2);
}
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const result = await runBuild([input], {
  outDir,
  exporters: EXPORTERS,
  seed: DEFAULT_SEED,
  resolution: DEFAULT_RESOLUTION,
  base: DEFAULT_BASE,
  diagnostics: new Diagnostics(),
  onStage: (stage) => say({ stage, at: performance.now(), cpuMs: cpuMs() }),
  onProgress: ({ stage, item }) => {
    if (stage === 'writing files' && item !== undefined) say({ written: item, at: performance.now() });
  },
});
say({ stage: 'done', at: performance.now(), cpuMs: cpuMs(), papers: result.papers, maxRssKb: process.resourceUsage().maxRSS });
