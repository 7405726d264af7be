#!/usr/bin/env node
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { Diagnostics, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { readDigests } from './read/readDigests.js';
import type { PaperRecord } from './read/types.js';

/** The digest that ships with the package, read when no input is given; named the same everywhere. */
export const SAMPLE_DIGEST = {
  path: fileURLToPath(new URL('../samples/sample-digest.md', import.meta.url)),
  name: 'samples/sample-digest.md',
} as const;

export const EXIT = { ok: 0, entriesSkipped: 1, nothingRead: 2, internalError: 70 } as const;

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
  70 internal error (a bug in arxiv-kg: please report it with the input)`;

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

interface ParseOptions {
  readonly strict: boolean;
  readonly verbose: boolean;
  readonly quiet: boolean;
}

async function parseCommand(inputs: string[], options: ParseOptions, io: CliIo): Promise<number> {
  const say = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  const diagnostics = new Diagnostics((d: Diagnostic) => {
    if (d.severity !== 'notice' || options.verbose) say(formatDiagnostic(d));
  });
  const progress = io.interactive && !options.quiet;
  const { records, files } = await readDigests(inputs.length > 0 ? inputs : [SAMPLE_DIGEST], {
    diagnostics,
    stdin: io.stdin,
    ...(progress
      ? { onFile: (_file, done, total) => io.stderr.write(`\rreading digests: ${done}/${total} files`) }
      : {}),
  });
  if (progress && files.length > 0) io.stderr.write('\n');
  await writeJsonLines(io.stdout, records);

  const skipped = diagnostics.count('skipped');
  const notices = diagnostics.count('notice');
  if (!options.quiet) {
    const entries = files.reduce((n, f) => n + f.entries, 0);
    const hidden = notices > 0 && !options.verbose ? ' (--verbose lists them)' : '';
    say(
      `arxiv-kg parse: ${plural(records.length, 'paper')} from ${plural(entries, 'entry', 'entries')} in ${plural(files.length, 'file')}; ` +
        `${skipped} skipped, ${plural(diagnostics.count('warning'), 'warning')}, ${plural(notices, 'notice')}${hidden}`,
    );
  }
  if (records.length === 0) {
    say('arxiv-kg parse: no paper entries were found in the input; check that these are daily-arXiv digests');
    return EXIT.nothingRead;
  }
  return options.strict && skipped > 0 ? EXIT.entriesSkipped : EXIT.ok;
}

/** Run the command line; resolves to the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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

  program
    .command('parse')
    .description('read digests and print one merged JSON record per paper (JSON Lines)')
    .argument('[inputs...]', 'digest files, folders or - for stdin (default: the shipped sample)')
    .option('--strict', 'exit with 1 when any entry or file had to be skipped', false)
    .option('-v, --verbose', 'also list notices: disagreeing copies, near-identical author names', false)
    .option('-q, --quiet', 'print nothing on stderr but problems', false)
    .addHelpText('after', PARSE_HELP)
    .action(async (inputs: string[], options: ParseOptions) => {
      exitCode = await parseCommand(inputs, options, io);
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

if (isEntryPoint()) {
  // A closed pipe (`arxiv-kg parse | head`) is the reader saying it has enough, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  main(process.argv.slice(2), {
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
