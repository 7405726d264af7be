/**
 * The project's benchmark: figures are ratios against baselines measured in the same run.
 *
 *   npm run bench                                # ../shared/corpus/digests; synthetic 1k, 10k, 100k papers
 *   npm run bench -- path/to/digests --runs 3    # fewer parse runs
 *   npm run bench -- --sizes 1000,10000          # smaller synthetic corpora (CI)
 *   npm run bench -- --compare bench-results.json --out new.json
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { benchBuild } from './build.js';
import { benchParse } from './parse.js';
import { benchRdf } from './rdf.js';
import { benchScale } from './scale.js';
import { benchViewer } from './viewer.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '11' },
    sizes: { type: 'string', default: '1000,10000,100000' },
    out: { type: 'string', default: 'bench-results.json' },
    compare: { type: 'string' },
  },
});
const corpus = positionals[0] ?? '../shared/corpus/digests';
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number >= 1, got ${values.runs}`);
const sizes = (values.sizes as string).split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes wants whole numbers separated by commas, got ${values.sizes}`);
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
await benchScale(corpus, sizes, { out: values.out as string, ...(values.compare === undefined ? {} : { compare: values.compare }) });
