/**
 * The project's benchmark: figures are ratios against baselines measured in the same run.
 *
 *   npm run bench                               # ../shared/corpus/digests
 *   npm run bench -- path/to/digests --runs 3   # fewer parse runs
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { benchBuild } from './build.js';
import { benchParse } from './parse.js';
import { benchRdf } from './rdf.js';
import { benchViewer } from './viewer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '11' } },
});
const corpus = positionals[0] ?? '../shared/corpus/digests';
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number >= 1, got ${values.runs}`);
try {
  await stat(corpus);
} catch {
  console.error(`bench: corpus folder ${corpus} not found; the benchmark needs ../shared/corpus/digests or a folder argument`);
  process.exit(2);
}

console.log(`node ${process.version}, corpus ${corpus}`);
await benchParse(corpus, runs);
await benchBuild(corpus);
await benchRdf(corpus);
await benchViewer(corpus);
