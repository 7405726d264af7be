/**
 * The build at scale: synthetic corpora of each size (bench/synthCorpus.ts), the full `build` with
 * every format in a process of its own, per stage wall time, peak RSS and papers per second, the
 * growth exponent between sizes, each output file's writing time, and in the same run the baselines:
 * bare read + UTF-8 decode of the same files; n3 alone serialising each RDF pass's statements
 * already in memory (the named graphs as N-Quads and TriG, the union as Turtle and N-Triples), and
 * the other libraries' own parts of the build alone (graphology adding the graphs' nodes and edges,
 * Louvain on the views, wink tagging the texts: bench/libraryBaseline.ts); igraph multilevel and
 * leidenalg on the co-author and topic views the build wrote (community_peer.py); the viewer page
 * it wrote, opened in Chromium (bench/viewer.ts);
 * and peer_pipeline.py (regex + networkx + rdflib: what a user would script instead; it does far
 * less). Results go to a JSON file; `--compare FILE` prints the ratios to an earlier one.
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Diagnostics } from '../src/diagnostics.js';
import { RDF_FORMATS } from '../src/export/rdf/rdf.js';
import { availableMemory, missingHeapFlags } from '../src/heapFlags.js';
import { readDigests } from '../src/read/readDigests.js';
import { launchChromium } from '../test/helpers/chromium.js';
import { writeSyntheticCorpus } from './synthCorpus.js';
import type { LibraryFigures, LibraryPart, N3Pass } from './libraryBaseline.js';
import { fixed, time } from './timing.js';
import { measurePage, type PageFigures } from './viewer.js';

/** The heap sizes `arxiv-kg build` starts its build process with (src/bin.ts). */
const BUILD_HEAP_FLAGS = missingHeapFlags([], undefined, availableMemory());

const RDF_FILES: ReadonlySet<string> = new Set(Object.values(RDF_FORMATS).map(({ file }) => file));

const PEER_PIPELINE = path.resolve('../shared/tools/peer_pipeline.py');
const COMMUNITY_PEER = path.resolve('../shared/tools/community_peer.py');
/** networkx's Louvain is left out: on the 100k co-author network it alone would take most of an hour. */
const COMMUNITY_METHODS = 'multilevel-ig,leiden';
/** The views community_peer.py checks, as the build writes them. */
const PEER_VIEWS = [
  { file: 'coauthors.graphml', attribute: 'coauthor_community' },
  { file: 'topics.graphml', attribute: 'topic_community' },
] as const;
const SEED = 42;
const SAMPLE_MS = 20;

export interface StageFigures {
  readonly stage: string;
  readonly seconds: number;
  /** CPU time of every thread of the build (main, workers, garbage collector) during the stage. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly papersPerSecond: number;
}

export interface FileFigures {
  readonly file: string;
  readonly seconds: number;
}

/** One row of community_peer.py's table: a method's modularity, community count and seconds. */
export interface CommunityRow {
  readonly method: string;
  readonly modularity: number;
  readonly communities: number;
  readonly seconds: number;
}

export interface SizeFigures {
  readonly papers: number;
  readonly files: number;
  readonly megabytes: number;
  readonly stages: StageFigures[];
  readonly totalSeconds: number;
  readonly peakRssMb: number;
  readonly readDecodeSeconds: number;
  /** Each output file's writing time (from the file before it on its thread), in the order complete. */
  readonly written?: FileFigures[];
  /** n3 alone serialising the named-graph quads (held in memory) as N-Quads and TriG: the baseline of the build's graph.nq + graph.trig pass. */
  readonly n3NamedGraphs?: N3Pass;
  /** n3 alone serialising the union's quads (held in memory) as Turtle and N-Triples: the baseline of the build's graph.ttl + graph.nt pass. */
  readonly n3Union?: N3Pass;
  /** graphology, Louvain and wink-nlp each doing their part of the build alone (bench/libraryBaseline.ts). */
  readonly libraryParts?: LibraryPart[];
  readonly communityPeer?: { readonly view: string; readonly rows: CommunityRow[] }[];
  readonly viewer?: PageFigures & { readonly megabytes: number };
  readonly peer?: { readonly seconds: number; readonly peakRssMb: number; readonly stages: string };
}

export interface ScaleResults {
  readonly node: string;
  readonly sizes: SizeFigures[];
}

/** The resident set size of another process, from /proc (Linux), or 0 once it has gone. */
async function rssOf(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Runs bench/buildOnce.ts and attributes RSS samples, taken from outside, to the stage running. */
async function timedBuild(
  input: string,
  outDir: string,
): Promise<{ stages: StageFigures[]; written: FileFigures[]; total: number; peak: number; papers: number }> {
  // With the heap sizes `arxiv-kg build` runs with (src/bin.ts).
  const child = spawn(process.execPath, [...BUILD_HEAP_FLAGS, '--import', 'tsx', path.resolve('bench/buildOnce.ts'), input, outDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const marks: { stage: string; at: number; cpuMs: number }[] = [];
  const written: FileFigures[] = [];
  /** When the last file written on each thread was complete. */
  const lastWrittenAt = new Map<'rdf' | 'main', number>();
  let papers = 0;
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { stage?: string; written?: string; at: number; cpuMs?: number; papers?: number };
      buffered = buffered.slice(newline + 1);
      if (line.written !== undefined) {
        // Two threads write at once, the RDF files on a worker and the rest here: each file took from
        // the one before it on its thread (or the stage's start).
        const thread = RDF_FILES.has(line.written) ? 'rdf' : 'main';
        const previous = lastWrittenAt.get(thread) ?? (marks.at(-1) as { at: number }).at;
        const now = performance.now();
        lastWrittenAt.set(thread, now);
        written.push({ file: line.written, seconds: (now - previous) / 1000 });
        continue;
      }
      marks.push({ stage: line.stage as string, at: performance.now(), cpuMs: line.cpuMs as number });
      if (line.papers !== undefined) papers = line.papers;
    }
  });
  const peaks = new Map<string, number>();
  const sampler = setInterval(() => {
    const current = marks.at(-1)?.stage;
    if (current === undefined) return;
    void rssOf(child.pid as number).then((rss) => peaks.set(current, Math.max(peaks.get(current) ?? 0, rss)));
  }, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`build of ${input} exited with ${code}`);
  const stages: StageFigures[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    const { stage, at, cpuMs } = marks[i] as (typeof marks)[number];
    const next = marks[i + 1] as (typeof marks)[number];
    const seconds = (next.at - at) / 1000;
    stages.push({ stage, seconds, cpuSeconds: (next.cpuMs - cpuMs) / 1000, peakRssMb: (peaks.get(stage) ?? 0) / 2 ** 20, papersPerSecond: papers / seconds });
  }
  const total = stages.reduce((s, x) => s + x.seconds, 0);
  return { stages, written, total, peak: Math.max(...stages.map((s) => s.peakRssMb)), papers };
}

async function readAndDecode(dir: string): Promise<number> {
  const { ms } = await time(async () => {
    for (const name of (await readdir(dir)).sort()) {
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of createReadStream(path.join(dir, name), { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
      decoder.decode();
    }
  });
  return ms / 1000;
}

/** peer_pipeline.py under /usr/bin/time: wall seconds and peak RSS. */
async function runPeer(input: string, outDir: string): Promise<{ seconds: number; peakRssMb: number; stages: string }> {
  const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', ['-f', 'TIME %e %M', 'python3', PEER_PIPELINE, outDir, input], {
    maxBuffer: 1 << 24,
  });
  const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
  if (seconds === undefined || kb === undefined) throw new Error(`peer_pipeline.py printed no timing: ${stderr.slice(-500)}`);
  return { seconds: Number(seconds), peakRssMb: Number(kb) / 1024, stages: stdout.trim().replace(/^peer_pipeline: /, '') };
}

/** bench/libraryBaseline.ts in a process of its own: n3, graphology, Louvain and wink each doing their part alone. */
async function runLibraryBaseline(input: string): Promise<LibraryFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    // The heap sizes the build has: the ratios compare the work, not the heap settings.
    ['--expose-gc', ...BUILD_HEAP_FLAGS, '--import', 'tsx', path.resolve('bench/libraryBaseline.ts'), input],
    { maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as LibraryFigures;
}

/** community_peer.py on a view the build wrote: the stored partition's row and the peers'. */
async function runCommunityPeer(file: string, attribute: string): Promise<CommunityRow[]> {
  const { stdout } = await promisify(execFile)('python3', [COMMUNITY_PEER, file, '--attr', attribute, '--methods', COMMUNITY_METHODS], {
    maxBuffer: 1 << 26,
  });
  const rows: CommunityRow[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^(stored:\S+|multilevel-ig|leiden)\s+(-?[\d.]+)\s+(\d+)\s+([\d.]+)/.exec(line);
    if (match) rows.push({ method: match[1] as string, modularity: Number(match[2]), communities: Number(match[3]), seconds: Number(match[4]) });
  }
  if (rows.length !== 3) throw new Error(`community_peer.py on ${file} printed ${rows.length} of 3 rows: ${stdout.slice(-500)}`);
  return rows;
}

/** The libraries' own parts of a build (bench/libraryBaseline.ts), n3's two passes last; undefined in results saved before the bench timed them. */
function libraryWork({ libraryParts, n3NamedGraphs, n3Union }: SizeFigures): LibraryPart[] | undefined {
  if (libraryParts === undefined || n3NamedGraphs === undefined || n3Union === undefined) return undefined;
  return [
    ...libraryParts,
    { what: `n3: the named graphs as N-Quads and TriG (${n3NamedGraphs.quads} quads)`, seconds: n3NamedGraphs.seconds },
    { what: `n3: the union as Turtle and N-Triples (${n3Union.quads} quads)`, seconds: n3Union.seconds },
  ];
}

const secondsOf = (parts: readonly LibraryPart[]): number => parts.reduce((sum, part) => sum + part.seconds, 0);

/** Growth exponent k in time ∝ papers^k between two sizes. */
const exponent = (t1: number, t2: number, n1: number, n2: number): number => Math.log(t2 / t1) / Math.log(n2 / n1);

export async function benchScale(corpus: string, sizes: readonly number[], options: { out: string; compare?: string }): Promise<void> {
  const { records } = await readDigests([corpus], { diagnostics: new Diagnostics() });
  const browser = await launchChromium();
  const work = await mkdtemp(path.join(tmpdir(), 'arxiv-kg-bench-scale-'));
  const results: ScaleResults = { node: process.version, sizes: [] };
  console.log(`== scale: synthetic corpora recombined from ${records.length} real papers (seed ${SEED}); full build, every format, one process per build`);
  try {
    for (const size of sizes) {
      const input = path.join(work, `digests-${size}`);
      const files = await writeSyntheticCorpus(records, size, SEED, input);
      let bytes = 0;
      for (const name of await readdir(input)) bytes += (await readFile(path.join(input, name))).length;
      const readDecodeSeconds = await readAndDecode(input);
      const out = path.join(work, `out-${size}`);
      const build = await timedBuild(input, out);
      const communityPeer: { view: string; rows: CommunityRow[] }[] = [];
      for (const { file, attribute } of PEER_VIEWS) communityPeer.push({ view: file, rows: await runCommunityPeer(path.join(out, file), attribute) });
      const page = path.join(out, 'index.html');
      const viewer = { ...(await measurePage(browser, page)), megabytes: (await stat(page)).size / 1e6 };
      await rm(out, { recursive: true, force: true });
      const { namedGraphs: n3NamedGraphs, union: n3Union, parts: libraryParts } = await runLibraryBaseline(input);
      const peer = await runPeer(input, path.join(work, `peer-${size}`));
      await rm(path.join(work, `peer-${size}`), { recursive: true, force: true });
      await rm(input, { recursive: true, force: true });
      const figures: SizeFigures = {
        papers: build.papers,
        files,
        megabytes: bytes / 1e6,
        stages: build.stages,
        totalSeconds: build.total,
        peakRssMb: build.peak,
        readDecodeSeconds,
        written: build.written,
        n3NamedGraphs,
        n3Union,
        libraryParts,
        communityPeer,
        viewer,
        peer,
      };
      results.sizes.push(figures);
      console.log(`-- ${build.papers} papers, ${files} files, ${fixed(bytes / 1e6, 1)} MB`);
      // CPU seconds over wall seconds: how many of the machine's cores the stage kept busy.
      console.log(['stage', 's', 'papers/s', 'peak RSS MB', 'CPU s', 'cores busy'].join('\t'));
      for (const s of build.stages) {
        console.log([s.stage, fixed(s.seconds, 2), Math.round(s.papersPerSecond), Math.round(s.peakRssMb), fixed(s.cpuSeconds, 1), fixed(s.cpuSeconds / s.seconds, 2)].join('\t'));
      }
      const cpu = build.stages.reduce((sum, s) => sum + s.cpuSeconds, 0);
      console.log(['total', fixed(build.total, 2), Math.round(build.papers / build.total), Math.round(build.peak), fixed(cpu, 1), fixed(cpu / build.total, 2)].join('\t'));
      console.log(`CPU time: ${fixed(cpu, 1)} s on ${availableParallelism()} cores, so no build doing this work could take less than ${fixed(cpu / availableParallelism(), 1)} s here`);
      const reading = build.stages.find((s) => s.stage === 'reading digests');
      if (reading) console.log(`reading digests / bare read+decode of the same files: ${fixed(reading.seconds, 2)} s / ${fixed(readDecodeSeconds, 2)} s = ${fixed(reading.seconds / readDecodeSeconds, 1)}x`);
      console.log(`files written: ${build.written.map((f) => `${f.file} ${fixed(f.seconds, 2)} s`).join(', ')}`);
      // One pass writes both files of a pair: the first file's time is the pass's, the second's the moment after. The
      // worker's first pass (Turtle + N-Triples) includes copying the RDF snapshot to it.
      for (const { files: pair, baseline, formats } of [
        { files: ['graph.nq', 'graph.trig'], baseline: n3NamedGraphs, formats: 'N-Quads and TriG' },
        { files: ['graph.ttl', 'graph.nt'], baseline: n3Union, formats: 'Turtle and N-Triples' },
      ]) {
        const pass = build.written.filter((f) => pair.includes(f.file));
        if (pass.length !== 2) continue;
        const ours = pass.reduce((sum, f) => sum + f.seconds, 0);
        console.log(
          `${pair.join(' + ')} (one pass: quads made, serialised twice, written to disk) / n3 serialising the same ${baseline.quads} quads already in memory as ${formats}: ${fixed(ours, 2)} s / ${fixed(baseline.seconds, 2)} s = ${fixed(ours / baseline.seconds, 2)}x`,
        );
      }
      // What the libraries do for a build, each alone: no code of ours around them can take it away, so
      // their sum over the cores is the least time any build with these libraries could take here.
      const library = libraryWork(figures) ?? [];
      const librarySeconds = secondsOf(library);
      console.log(['library alone, one thread', 's', 'heap MB'].join('\t'));
      for (const part of library) console.log([part.what, fixed(part.seconds, 2), part.heapMegabytes === undefined ? '' : Math.round(part.heapMegabytes)].join('\t'));
      console.log(
        `the libraries' own work: ${fixed(librarySeconds, 1)} s on one thread; the build's CPU time / that: ${fixed(cpu, 1)} s / ${fixed(librarySeconds, 1)} s = ${fixed(cpu / librarySeconds, 2)}x; with these libraries no build could take less than ${fixed(librarySeconds / availableParallelism(), 1)} s on ${availableParallelism()} cores`,
      );
      console.log(['view', 'method', 'modularity', 'communities', 's'].join('\t'));
      for (const { view, rows } of communityPeer) for (const r of rows) console.log([view, r.method, fixed(r.modularity, 4), r.communities, fixed(r.seconds, 2)].join('\t'));
      const communities = build.stages.find((s) => s.stage === 'finding communities');
      const igraph = communityPeer.reduce((sum, { rows }) => sum + (rows.find((r) => r.method === 'multilevel-ig')?.seconds ?? 0), 0);
      if (communities) {
        console.log(
          `finding communities (Louvain on 3 views, labels, author report) / igraph multilevel on the co-author and topic views: ${fixed(communities.seconds, 2)} s / ${fixed(igraph, 2)} s = ${fixed(communities.seconds / igraph, 1)}x`,
        );
      }
      console.log(
        `viewer page: ${fixed(viewer.megabytes, 1)} MB, first frame ${Math.round(viewer.firstFrameMs)} ms, frames while panning median ${fixed(viewer.pan.median)} / p95 ${fixed(viewer.pan.p95)} / max ${fixed(viewer.pan.max)} ms; default view held ${viewer.order} nodes, ${viewer.size} edges, ${viewer.drawn} drawn`,
      );
      console.log(`peer_pipeline.py (${peer.stages}): ${fixed(peer.seconds, 1)} s, peak ${Math.round(peer.peakRssMb)} MB; ours/peer: time ${fixed(build.total / peer.seconds, 2)}x, memory ${fixed(build.peak / peer.peakRssMb, 2)}x`);
    }
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }

  for (let i = 1; i < results.sizes.length; i++) {
    const [a, b] = [results.sizes[i - 1] as SizeFigures, results.sizes[i] as SizeFigures];
    const parts = b.stages.map((s) => {
      const before = a.stages.find((x) => x.stage === s.stage);
      return `${s.stage} ${before ? fixed(exponent(before.seconds, s.seconds, a.papers, b.papers), 2) : '?'}`;
    });
    console.log(`growth exponent ${a.papers} -> ${b.papers} papers (time ∝ papers^k): ${parts.join(', ')}; total ${fixed(exponent(a.totalSeconds, b.totalSeconds, a.papers, b.papers), 2)}; peak RSS ${fixed(exponent(a.peakRssMb, b.peakRssMb, a.papers, b.papers), 2)}`);
  }

  await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`scale results written to ${options.out}`);
  if (options.compare !== undefined) compare(JSON.parse(await readFile(options.compare, 'utf8')) as ScaleResults, results, options.compare);
}

function compare(before: ScaleResults, now: ScaleResults, file: string): void {
  console.log(`== compared with ${file} (${before.node}): now / then, below 1 is better`);
  console.log(['papers', 'stage', 'time', 'peak RSS'].join('\t'));
  for (const size of now.sizes) {
    const then = before.sizes.find((s) => s.papers === size.papers);
    if (then === undefined) {
      console.log(`${size.papers}\t(not in ${file})`);
      continue;
    }
    for (const stage of size.stages) {
      const old = then.stages.find((s) => s.stage === stage.stage);
      if (old) console.log([size.papers, stage.stage, fixed(stage.seconds / old.seconds, 2), fixed(stage.peakRssMb / old.peakRssMb, 2)].join('\t'));
    }
    console.log([size.papers, 'total', fixed(size.totalSeconds / then.totalSeconds, 2), fixed(size.peakRssMb / then.peakRssMb, 2)].join('\t'));
    // Work whose code is the same both times: how much of a difference is the machine's.
    console.log([size.papers, 'bare read+decode (same code)', fixed(size.readDecodeSeconds / then.readDecodeSeconds, 2), ''].join('\t'));
    const [libraryNow, libraryThen] = [libraryWork(size), libraryWork(then)];
    if (libraryNow && libraryThen) {
      console.log([size.papers, 'libraries alone (same code while their versions are)', fixed(secondsOf(libraryNow) / secondsOf(libraryThen), 2), ''].join('\t'));
    }
    if (size.peer && then.peer) {
      console.log([size.papers, 'peer_pipeline.py (same code)', fixed(size.peer.seconds / then.peer.seconds, 2), fixed(size.peer.peakRssMb / then.peer.peakRssMb, 2)].join('\t'));
    }
  }
}
