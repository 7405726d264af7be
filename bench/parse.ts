/**
 * Parse throughput over a digest corpus, beside the cost of only reading and UTF-8-decoding the same
 * bytes the same way (1 MiB stream chunks), measured in the same run. Figures are the best of `runs`
 * alternating runs after one warm-up of each (the best run is the one least disturbed by the rest of
 * the machine); the ratio is what matters, not the absolute speed.
 */
import { createReadStream } from 'node:fs';
import { Diagnostics } from '../src/diagnostics.js';
import { resolveInputs } from '../src/read/inputs.js';
import { readDigests } from '../src/read/readDigests.js';
import { fixed, time } from './timing.js';

const TARGET_RATIO = 5;

export async function benchParse(corpus: string, runs: number): Promise<void> {
  const files = (await resolveInputs([corpus], new Diagnostics(), () => process.stdin)).map((f) => f.name);

  const readAndDecode = async (): Promise<number> => {
    let chars = 0;
    for (const file of files) {
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
        chars += decoder.decode(chunk as Buffer, { stream: true }).length;
      }
      chars += decoder.decode().length;
    }
    return chars;
  };
  const parseAll = async (): Promise<{ papers: number; entries: number; bytes: number }> => {
    const { records, files: read } = await readDigests(files, { diagnostics: new Diagnostics() });
    return {
      papers: records.length,
      entries: read.reduce((n, f) => n + f.entries, 0),
      bytes: read.reduce((n, f) => n + f.bytes, 0),
    };
  };

  await readAndDecode();
  const { result: counts } = await time(parseAll);
  const baseline: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push((await time(readAndDecode)).ms);
    parse.push((await time(parseAll)).ms);
  }

  const mb = counts.bytes / 1e6;
  const baseMs = Math.min(...baseline);
  const parseMs = Math.min(...parse);
  const ratio = parseMs / baseMs;
  const row = (name: string, ms: number, extra: string): string =>
    `${name.padEnd(22)} ${fixed(ms).padStart(9)} ms ${fixed(mb / (ms / 1000)).padStart(8)} MB/s  ${extra}`;

  console.log(`== parse: ${files.length} files, ${fixed(mb, 2)} MB, ${counts.entries} entries, ${counts.papers} papers; best of ${runs} runs after one warm-up`);
  console.log(row('read + UTF-8 decode', baseMs, '(baseline)'));
  console.log(row('parse + merge', parseMs, `${Math.round(counts.papers / (parseMs / 1000))} papers/s`));
  console.log(`ratio parse / baseline: ${fixed(ratio, 2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
}
