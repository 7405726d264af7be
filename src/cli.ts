#!/usr/bin/env node
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_RESOLUTION, DEFAULT_SEED } from './analyse/communities.js';
import { CACHE_FOLDER, runBuild, SUMMARY_FILE, type BuildResult, type Progress } from './build.js';
import { Diagnostics, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { EXPORTERS, FORMAT_NAMES, parseFormats } from './export/formats.js';
import { DEFAULT_BASE } from './export/rdf/vocabulary.js';
import { pushFile, PushError } from './push/graphStore.js';
import { loadStore, RESULT_FORMATS, runQuery, type ResultFormat } from './query/sparql.js';
import { readDigests } from './read/readDigests.js';
import type { PaperRecord } from './read/types.js';

/** The digest that ships with the package, read when no input is given; named the same everywhere. */
export const SAMPLE_DIGEST = {
  path: fileURLToPath(new URL('../samples/sample-digest.md', import.meta.url)),
  name: 'samples/sample-digest.md',
} as const;

export const EXIT = { ok: 0, entriesSkipped: 1, nothingRead: 2, refused: 3, internalError: 70, cannotWrite: 73 } as const;

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: () => Readable;
  /** Whether stderr is a terminal: progress is drawn only there. */
  readonly interactive: boolean;
}

const EXIT_CODES_HELP = `
Exit codes:
  0  every input was read (warnings may have been printed)
  1  --strict was given and some entries or files were skipped
  2  nothing readable was found, or the command line was wrong
  3  push: the triple store could not be reached or refused the upload
  70 internal error (a bug in arxiv-kg: please report it with the input)
  73 build: the outputs could not be written (output folder, permissions, disk
     space); the previous outputs were left as they were`;

const PARSE_HELP = `
Inputs are digest files, folders (read recursively: .md and .txt) or - for standard input.
With no input the sample digest that ships with arxiv-kg is read.

Output: one JSON object per line and per paper, merged across all inputs: id (arXiv id without
version, or doi:…, pmid:…), version, url, title, titleTranslation, authors, categories (primary
first), keywords, tldr, motivation, method, result, conclusion, abstract, comment, date and sources
(every file:line the paper appeared at). A field the digest lacks is absent.

Problems in the input are printed on stderr as "file:line: what is wrong; what was done" and every
good entry is still read. Notices (copies of a paper that disagree, author names that differ only
in diacritics) are counted, and listed with --verbose.

Examples:
  $ arxiv-kg parse                              # the shipped sample
  $ arxiv-kg parse digests/ > papers.jsonl      # every digest under digests/
  $ cat 2026-01-22.md | arxiv-kg parse - --strict
${EXIT_CODES_HELP}`;

const BUILD_HELP = `
Reads digests like parse, then builds one graph of papers, authors, categories and keywords, finds
communities (Louvain) in the co-author network, the topic map and the full graph, draws each one
(ForceAtlas2) and writes the requested formats into the output folder, plus ${SUMMARY_FILE}
(counts, communities with readable labels, modularity, parameters, warnings). Files are written
whole or not at all; the same inputs and options always give the same bytes. On a terminal, stderr
shows each stage with counts, rate and time left (--quiet hides it); --json prints summary.json on
stdout for scripts.

Formats:
${EXPORTERS.map((e) => `  ${e.format.padEnd(8)} ${e.description}`).join('\n')}

Examples:
  $ arxiv-kg build                                   # the shipped sample into exports/
  $ arxiv-kg build digests/ -o out --formats graphml # only the GraphML files
  $ arxiv-kg build digests/ --resolution 2           # more, smaller communities
  $ arxiv-kg build digests/ -q --json | jq .graph    # counts for a script
  $ arxiv-kg build digests/ --formats nq --split-bytes 200000000 --gzip
                                                     # out/graph.nq.parts/: parts for bulk loaders
${EXIT_CODES_HELP}`;

const QUERY_HELP = `
The query is SPARQL text or the path of a .rq file. The data are the RDF files given with --data
(.ttl .nt .nq .trig), by default exports/graph.nq, the last build's named graphs. The default graph
is the union of all named graphs, so queries need no GRAPH clause. SELECT and ASK print a table, or
a W3C SPARQL results format with --format; CONSTRUCT and DESCRIBE print N-Triples.

Examples (the queries ship in samples/queries/):
  $ arxiv-kg query samples/queries/authors-by-papers.rq
  $ arxiv-kg query 'SELECT (COUNT(*) AS ?papers) WHERE { ?p a <https://schema.org/ScholarlyArticle> }'
  $ arxiv-kg query samples/queries/keywords-of-a-category.rq --format csv --data out/graph.ttl
${EXIT_CODES_HELP}`;

const PUSH_HELP = `
Uploads with the SPARQL 1.1 Graph Store HTTP Protocol to the store's graph-store endpoint (for
Virtuoso http://HOST:8890/sparql-graph-crud, Fuseki http://HOST:3030/DATASET/data, GraphDB
http://HOST:7200/repositories/REPO/rdf-graphs/service). POST adds to a graph, --replace PUTs it.
A .ttl or .nt file goes to --graph (or the default graph); a .nq or .trig file goes in one request
per named graph, so one digest's graph can be replaced alone.

Credentials are read from the environment only: ARXIV_KG_TOKEN (bearer token), or ARXIV_KG_USER
and ARXIV_KG_PASSWORD (basic authentication).

Examples:
  $ arxiv-kg push exports/graph.nq --endpoint http://localhost:8890/sparql-graph-crud --replace
  $ ARXIV_KG_USER=admin ARXIV_KG_PASSWORD=… arxiv-kg push exports/graph.ttl \\
      --endpoint http://localhost:3030/kg/data --graph https://example.org/kg
${EXIT_CODES_HELP}`;

interface PushCommandOptions {
  readonly endpoint: string;
  readonly graph?: string;
  readonly replace: boolean;
  readonly quiet: boolean;
}

async function pushCommand(file: string, options: PushCommandOptions, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const result = await pushFile(file, {
      endpoint: options.endpoint,
      ...(options.graph === undefined ? {} : { graph: options.graph }),
      replace: options.replace,
      env,
    });
    if (!options.quiet) {
      io.stderr.write(`arxiv-kg push: ${result.statements} statements in ${result.requests} request(s) to ${options.endpoint}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof PushError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.stderr.write(`arxiv-kg push: ${(error as Error).message}\n`);
    return error instanceof PushError ? EXIT.refused : EXIT.nothingRead;
  }
}

/** The last build's RDF, read when `query` is given no --data. */
const DEFAULT_QUERY_DATA = 'exports/graph.nq';

interface QueryCommandOptions {
  readonly data?: string[];
  readonly format: ResultFormat;
}

async function queryCommand(query: string, options: QueryCommandOptions, io: CliIo): Promise<number> {
  const data = options.data ?? [DEFAULT_QUERY_DATA];
  const text = /\.(rq|sparql)$/i.test(query) ? await readFile(query, 'utf8').catch(() => undefined) : query;
  if (text === undefined) {
    io.stderr.write(`arxiv-kg query: cannot read the query file ${query}\n`);
    return EXIT.nothingRead;
  }
  let store;
  try {
    store = await loadStore(data);
  } catch (error) {
    const missing = (error as Error).message.includes('ENOENT');
    const hint = missing && options.data === undefined ? ' (run arxiv-kg build first, or give --data FILE)' : '';
    io.stderr.write(`arxiv-kg query: ${(error as Error).message}${hint}\n`);
    return EXIT.nothingRead;
  }
  try {
    io.stdout.write(runQuery(store, text, options.format));
  } catch (error) {
    io.stderr.write(`arxiv-kg query: the query was refused: ${String(error).replace(/^Error: /, '')}\n`);
    return EXIT.nothingRead;
  }
  return EXIT.ok;
}

async function writeJsonLines(out: Writable, records: readonly PaperRecord[]): Promise<void> {
  const batch: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const chunk = batch.join('');
    batch.length = 0;
    size = 0;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for (const record of records) {
    const line = `${JSON.stringify(record)}\n`;
    batch.push(line);
    size += line.length;
    if (size >= 1 << 16) await flush();
  }
  await flush();
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

interface ReportOptions {
  readonly strict: boolean;
  readonly verbose: boolean;
  readonly quiet: boolean;
}

/** What both commands print on stderr: problems as found, progress on a terminal, a closing count. */
class Reporter {
  readonly diagnostics: Diagnostics;
  readonly progress: boolean;
  private stageStarted = 0;
  private lastDrawn = 0;

  constructor(
    private readonly command: string,
    private readonly options: ReportOptions,
    private readonly io: CliIo,
  ) {
    this.diagnostics = new Diagnostics((d: Diagnostic) => {
      if (d.severity !== 'notice' || options.verbose) this.say(formatDiagnostic(d));
    });
    this.progress = io.interactive && !options.quiet;
  }

  say(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** A progress line that the next one overwrites (terminal only). */
  status(text: string): void {
    if (this.progress) this.io.stderr.write(`\r\u001b[K${this.command}: ${text}`);
  }

  endStatus(): void {
    if (this.progress) this.io.stderr.write('\r\u001b[K');
  }

  /** A stage begins: "drawing…". */
  stage(name: string): void {
    this.stageStarted = performance.now();
    this.status(`${name}…`);
  }

  /** "reading digests 120/300 files, 45 files/s, about 4 s left", redrawn at most ten times a second. */
  count({ stage, done, total, unit }: Progress): void {
    const now = performance.now();
    if (!this.progress || (now - this.lastDrawn < 100 && done < total)) return;
    this.lastDrawn = now;
    const seconds = (now - this.stageStarted) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 && done < total ? `, about ${Math.ceil((total - done) / rate)} s left` : '';
    this.status(`${stage} ${done}/${total} ${unit}${rate > 0 ? `, ${Math.round(rate)} ${unit}/s` : ''}${left}`);
  }

  /** Print the closing count and decide the exit code. */
  finish(papers: number, what: string): number {
    const { diagnostics, options } = this;
    const notices = diagnostics.count('notice');
    if (!options.quiet) {
      const hidden = notices > 0 && !options.verbose ? ' (--verbose lists them)' : '';
      this.say(
        `arxiv-kg ${this.command}: ${what}; ${diagnostics.count('skipped')} skipped, ` +
          `${plural(diagnostics.count('warning'), 'warning')}, ${plural(notices, 'notice')}${hidden}`,
      );
    }
    if (papers === 0) {
      this.say(`arxiv-kg ${this.command}: no paper entries were found in the input; check that these are daily-arXiv digests`);
      return EXIT.nothingRead;
    }
    return options.strict && diagnostics.count('skipped') > 0 ? EXIT.entriesSkipped : EXIT.ok;
  }
}

async function parseCommand(inputs: string[], options: ReportOptions, io: CliIo): Promise<number> {
  const report = new Reporter('parse', options, io);
  report.stage('reading digests');
  const { records, files } = await readDigests(inputs.length > 0 ? inputs : [SAMPLE_DIGEST], {
    diagnostics: report.diagnostics,
    stdin: io.stdin,
    onFile: (_file, done, total) => report.count({ stage: 'reading digests', done, total, unit: 'files' }),
  });
  report.endStatus();
  await writeJsonLines(io.stdout, records);
  const entries = files.reduce((n, f) => n + f.entries, 0);
  return report.finish(
    records.length,
    `${plural(records.length, 'paper')} from ${plural(entries, 'entry', 'entries')} in ${plural(files.length, 'file')}`,
  );
}

interface BuildCommandOptions extends ReportOptions {
  readonly out: string;
  readonly base: string;
  readonly formats: string;
  readonly seed: number;
  readonly resolution: number;
  readonly json: boolean;
  readonly splitBytes?: number;
  readonly gzip: boolean;
  readonly cache: boolean;
}

async function buildCommand(inputs: string[], options: BuildCommandOptions, io: CliIo): Promise<number> {
  const report = new Reporter('build', options, io);
  if (options.gzip && options.splitBytes === undefined) {
    report.say('arxiv-kg build: --gzip compresses the parts of --split-bytes; give both, e.g. --split-bytes 100000000 --gzip');
    return EXIT.nothingRead;
  }
  const result = await runBuildOrSay(report, inputs.length > 0 ? inputs : [SAMPLE_DIGEST], {
    outDir: options.out,
    exporters: parseFormats(options.formats),
    seed: options.seed,
    resolution: options.resolution,
    base: options.base,
    ...(options.splitBytes === undefined ? {} : { split: { bytes: options.splitBytes, gzip: options.gzip } }),
    cache: options.cache,
    diagnostics: report.diagnostics,
    stdin: io.stdin,
    onStage: (stage) => report.stage(stage),
    onProgress: (progress) => report.count(progress),
  });
  report.endStatus();
  if (result === undefined) return EXIT.cannotWrite;
  if (options.json && result.summary) io.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
  const written = result.written.length > 0 ? ` -> ${options.out}/ (${result.written.join(', ')})` : '';
  const cached = result.cachedFiles > 0 ? ` (${result.cachedFiles} of ${plural(result.files, 'file')} from the cache)` : '';
  return report.finish(result.papers, `${plural(result.papers, 'paper')}${cached}${written}`);
}

/** An error of the file system (a full disk, a folder that is a file), not of arxiv-kg: it names its call and path. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Runs the build; when the file system refuses its outputs, says so and how to fix it, and gives undefined. */
async function runBuildOrSay(report: Reporter, ...args: Parameters<typeof runBuild>): Promise<BuildResult | undefined> {
  try {
    return await runBuild(...args);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    report.endStatus();
    report.say(`arxiv-kg build: could not write the outputs: ${error.message}`);
    report.say(
      `arxiv-kg build: no output in ${args[1].outDir} was replaced; make sure the folder can be created and ` +
        'written to and the disk has room, or choose another folder with -o DIR',
    );
    return undefined;
  }
}

function integerOption(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`${name} wants a whole number, got ${JSON.stringify(value)}`);
    return n;
  };
}

function positiveNumberOption(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} wants a number above 0, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** Parts below 100 kB would only multiply files: bulk loaders want tens to hundreds of MB each. */
const MIN_SPLIT_BYTES = 100_000;

function splitBytesOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < MIN_SPLIT_BYTES) {
    throw new InvalidArgumentError(`--split-bytes wants a whole number of bytes of at least ${MIN_SPLIT_BYTES}, such as 100000000; got ${JSON.stringify(value)}`);
  }
  return n;
}

function baseOption(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#:]$/i.test(value)) {
    throw new InvalidArgumentError(`--base wants an absolute IRI ending in /, # or :, such as ${DEFAULT_BASE}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function urlOption(value: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) throw new InvalidArgumentError(`--endpoint wants an http(s) URL; got ${JSON.stringify(value)}`);
  return value;
}

function resultFormatOption(value: string): ResultFormat {
  const format = RESULT_FORMATS.find((f) => f === value.toLowerCase());
  if (format === undefined) throw new InvalidArgumentError(`--format wants one of ${RESULT_FORMATS.join(', ')}; got ${JSON.stringify(value)}`);
  return format;
}

function formatsOption(value: string): string {
  try {
    parseFormats(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
}

/** Run the command line; resolves to the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('arxiv-kg')
    .description('Turn daily arXiv digests into a knowledge graph.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  const withReportOptions = (command: Command): Command =>
    command
      .option('--strict', 'exit with 1 when any entry or file had to be skipped', false)
      .option('-v, --verbose', 'also list notices: disagreeing copies, near-identical author names', false)
      .option('-q, --quiet', 'print nothing on stderr but problems', false);

  withReportOptions(program.command('parse'))
    .description('read digests and print one merged JSON record per paper (JSON Lines)')
    .argument('[inputs...]', 'digest files, folders or - for stdin (default: the shipped sample)')
    .addHelpText('after', PARSE_HELP)
    .action(async (inputs: string[], options: ReportOptions) => {
      exitCode = await parseCommand(inputs, options, io);
    });

  withReportOptions(program.command('build'))
    .description('build the knowledge graph, find communities, and write the exports (the main job)')
    .argument('[inputs...]', 'digest files, folders or - for stdin (default: the shipped sample)')
    .option('-o, --out <dir>', 'output folder', 'exports')
    .option('--formats <list>', `comma-separated formats: ${FORMAT_NAMES.join(', ')}`, formatsOption, FORMAT_NAMES.join(','))
    .option('--seed <n>', 'seed of Louvain: the same seed gives the same communities', integerOption('--seed'), DEFAULT_SEED)
    .option('--resolution <x>', 'Louvain resolution: above 1 finds more, smaller communities', positiveNumberOption('--resolution'), DEFAULT_RESOLUTION)
    .option('--base <iri>', 'base of the IRIs minted in RDF (people, concepts, communities, graphs)', baseOption, DEFAULT_BASE)
    .option('--json', 'also print summary.json on stdout, for scripts', false)
    .option('--split-bytes <n>', 'write N-Triples and N-Quads as folders of parts of at most n bytes, for bulk loaders', splitBytesOption)
    .option('--gzip', 'gzip those parts (with --split-bytes)', false)
    .option('--no-cache', `parse every digest again, neither using nor keeping ${CACHE_FOLDER}/ in the output folder`)
    .addHelpText('after', BUILD_HELP)
    .action(async (inputs: string[], options: BuildCommandOptions) => {
      exitCode = await buildCommand(inputs, options, io);
    });

  program
    .command('query')
    .description('answer a SPARQL query over the exported RDF with the embedded oxigraph store')
    .argument('<query>', 'SPARQL text, or a .rq file')
    .option('--data <files...>', `RDF files to query (default: ${DEFAULT_QUERY_DATA})`)
    .option('--format <name>', `results as ${RESULT_FORMATS.join(', ')}`, resultFormatOption, 'table')
    .addHelpText('after', QUERY_HELP)
    .action(async (query: string, options: QueryCommandOptions) => {
      exitCode = await queryCommand(query, options, io);
    });

  program
    .command('push')
    .description('upload an RDF export to a triple store (SPARQL 1.1 Graph Store HTTP Protocol)')
    .argument('<file>', 'an export: .ttl, .nt, .nq or .trig')
    .requiredOption('--endpoint <url>', "the store's graph-store endpoint", urlOption)
    .option('--graph <iri>', 'target graph of a .ttl or .nt file (default: the default graph)')
    .option('--replace', 'replace the graphs (PUT) instead of adding to them (POST)', false)
    .option('-q, --quiet', 'print nothing on stderr but problems', false)
    .addHelpText('after', PUSH_HELP)
    .action(async (file: string, options: PushCommandOptions) => {
      exitCode = await pushCommand(file, options, io, env);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.nothingRead;
    }
    throw error;
  }
  return exitCode;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** Runs the command line as this process: its arguments, standard streams and exit code. */
export function runAsProcess(args: readonly string[]): void {
  // A closed pipe (`arxiv-kg parse | head`) is the reader saying it has enough, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  main(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: () => process.stdin,
    interactive: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`arxiv-kg: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.internalError;
    },
  );
}

if (isEntryPoint()) runAsProcess(process.argv.slice(2));
