import { once } from 'node:events';
import { constants, createWriteStream, type Stats, type WriteStream } from 'node:fs';
import { access, lstat, mkdir, open, opendir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

const FLUSH_BYTES = 1 << 16;
/**
 * How much a file stream queues before a writer waits. Node's 16 KiB default is below one flush, so
 * every flush waited for the disk and the writer idled meanwhile; 1 MiB lets the writer work on
 * while the disk catches up, and still bounds memory.
 */
const STREAM_QUEUE_BYTES = 1 << 20;
/** What a run writes before its outputs are complete, or moves aside while it replaces them. */
const TEMPORARY = /^\..+\.\d+\.(?:tmp|old)$/;

/**
 * Where writers put their text: `write` waits when the disk is behind. `append`, then `flush` when
 * `full`, is for writers that cannot await (n3's) and for those that write many small pieces (a line
 * per node or edge): they wait once per 64 KiB flush, not once per piece.
 */
export interface TextSink {
  write(text: string): Promise<void>;
  append(text: string): void;
  readonly full: boolean;
  flush(): Promise<void>;
}

/** Writes `chunk` to `stream`, waiting when the stream asks to (so memory stays flat). */
async function send(stream: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * Text is encoded to UTF-8 as soon as this many characters have been collected. V8 encodes a short
 * rope of small strings fast, a long one slowly: on the text of graph.ttl, ropes of 64 Ki characters
 * made into Buffers took 2 to 3 times as long as ropes of 16 Ki characters written into one buffer
 * (a throwaway probe, lines and words appended). Such text is nearly always two-byte: 2,987 of the
 * 3,043 chunks of 64 Ki characters of graph.nq at 30k papers were.
 */
const ENCODE_CHARS = 1 << 14;
/** Room for a flush's bytes and one more encoding, at 3 bytes per UTF-16 code unit at most. */
const BUFFER_BYTES = FLUSH_BYTES + 3 * ENCODE_CHARS;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Collects text, encodes it to UTF-8 in 16 Ki-character steps and hands the bytes on in 64 KiB
 * chunks: what `deliver` does with a chunk is the subclass's.
 */
abstract class BufferedSink implements TextSink {
  // One growing string, not an array joined: V8 concatenates by reference and flattens once.
  private text = '';
  private bytes = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  async write(text: string): Promise<void> {
    this.append(text);
    if (this.full) await this.flush();
  }

  /** Add text without waiting: for writers that cannot await (n3's); call `flush` when `full`. */
  append(text: string): void {
    this.text += text;
    if (this.text.length >= ENCODE_CHARS) this.encode(false);
  }

  get full(): boolean {
    return this.used + this.text.length >= FLUSH_BYTES;
  }

  flush(): Promise<void> {
    return this.deliver(this.take(false));
  }

  /** Hands on the rest, a lone surrogate at the very end too. */
  protected finish(): Promise<void> {
    return this.deliver(this.take(true));
  }

  /**
   * Encodes the text collected. A trailing high surrogate waits for the next text unless `final`:
   * its pair may come with it, and encoded alone it would become U+FFFD.
   */
  private encode(final: boolean): void {
    let text = this.text;
    this.text = '';
    if (!final && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.text = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (this.used + 3 * text.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, this.used + Buffer.byteLength(text)));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used);
  }

  /** The bytes collected since the last call. A new buffer follows: the stream still holds these. */
  private take(final: boolean): Buffer {
    this.encode(final);
    const bytes = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(BUFFER_BYTES);
    this.used = 0;
    return bytes;
  }

  protected abstract deliver(bytes: Buffer): Promise<void>;
}

/** Text out to one stream. */
class StreamSink extends BufferedSink {
  constructor(private readonly stream: WriteStream) {
    super();
  }

  protected async deliver(bytes: Buffer): Promise<void> {
    if (bytes.length > 0) await send(this.stream, bytes);
  }

  /** Writes the rest and closes the stream. */
  async end(): Promise<void> {
    await this.finish();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export type FileWriter = (sink: TextSink) => Promise<void>;

/**
 * How a line-based output (N-Triples, N-Quads) is laid out as numbered parts of at most `partBytes`
 * bytes each, cut only between lines so that every part loads on its own, gzipped or not, into a
 * folder with a manifest.json: what bulk loaders take in parallel.
 */
export interface PartLayout {
  readonly partBytes: number;
  readonly gzip: boolean;
  /** Of each part: "nq" gives part-00001.nq (.gz). */
  readonly extension: string;
  /** For the manifest: "application/n-quads". */
  readonly mediaType: string;
}

/** One file of a detached output: a plain file, or a folder of parts (which only a detached output writes). */
export type FileLayout = 'file' | PartLayout;

/**
 * Where one file of an output is written before it is renamed into place, how it is laid out, and
 * the output's own path (what an error names).
 */
export type TemporaryTarget = readonly [temp: string, layout: FileLayout, file: string];

/**
 * A file-system error that names no file (a write to a full disk says only "ENOSPC: no space left
 * on device, write") given the path of the output it met, in Node's manner: the user learns which
 * output did not fit.
 */
function namingFile(error: unknown, file: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (e instanceof Error && typeof e.code === 'string' && e.path === undefined) {
    e.path = file;
    e.message = `${e.message} '${file}'`;
  }
  return error;
}

/**
 * Files another thread writes (the RDF formats, on a worker), possibly several in one pass over the
 * same data (Turtle and N-Triples). `start` writes them whole into the temporary targets it is given
 * (with {@link writeTogether}), in the order of `files`, and reports each file as it is done; when
 * `stop` aborts (another output failed) it stops soon, closes its files unfinished and rejects. The
 * outputs map each of its files' names to this one object. Detached outputs are started before the
 * others and waited for after them, so both threads write at once.
 */
export interface DetachedOutput {
  readonly files: ReadonlyMap<string, FileLayout>;
  start(targets: readonly TemporaryTarget[], onFileDone: (name: string) => void, stop: AbortSignal): Promise<void>;
}

export type Output = FileWriter | DetachedOutput;

export const MANIFEST_FILE = 'manifest.json';

interface PartRecord {
  file: string;
  statements: number;
  bytes: number;
}

/** Text out to numbered part files, each cut at the last line that fits. */
class PartedSink extends BufferedSink {
  /** Bytes after the last newline seen: they join the next chunk. */
  private partial: Buffer = Buffer.alloc(0);
  private stream: Writable | undefined;
  /** The part file under `stream` (which is a gzip stream when parts are gzipped). */
  private file: WriteStream | undefined;
  private finished: Promise<unknown> | undefined;
  /** Rejects when the part file fails (disk full, folder gone). */
  private failed: Promise<never> | undefined;
  private current: PartRecord | undefined;
  readonly written: PartRecord[] = [];

  constructor(
    private readonly folder: string,
    private readonly output: PartLayout,
    /** The folder's path once in place, which errors name. */
    private readonly named: string,
  ) {
    super();
  }

  protected async deliver(bytes: Buffer): Promise<void> {
    const joined = this.partial.length === 0 ? bytes : Buffer.concat([this.partial, bytes]);
    const end = joined.lastIndexOf(0x0a) + 1;
    this.partial = joined.subarray(end);
    await this.cut(joined.subarray(0, end));
  }

  /** Whole lines into parts. */
  private async cut(lines: Buffer): Promise<void> {
    while (lines.length > 0) {
      const room = this.output.partBytes - (this.current?.bytes ?? 0);
      let cut = lines.length <= room ? lines.length : room > 0 ? lines.lastIndexOf(0x0a, room - 1) + 1 : 0;
      if (cut === 0) {
        // Nothing fits beside what the part holds: start a new part; a line longer than a part goes alone.
        if (this.current !== undefined && this.current.bytes > 0) {
          await this.close();
          continue;
        }
        cut = lines.indexOf(0x0a) + 1;
      }
      await this.writeToPart(lines.subarray(0, cut));
      lines = lines.subarray(cut);
    }
  }

  private async writeToPart(bytes: Buffer): Promise<void> {
    if (this.current === undefined || this.stream === undefined) {
      const file = `part-${String(this.written.length + 1).padStart(5, '0')}.${this.output.extension}${this.output.gzip ? '.gz' : ''}`;
      const target = createWriteStream(path.join(this.folder, file), { highWaterMark: STREAM_QUEUE_BYTES });
      this.finished = once(target, 'finish');
      this.failed = once(target, 'error').then(([error]) => Promise.reject(namingFile(error, path.join(this.named, file))));
      this.failed.catch(() => {});
      this.file = target;
      if (this.output.gzip) {
        const gzip = createGzip();
        gzip.pipe(target);
        this.stream = gzip;
      } else {
        this.stream = target;
      }
      this.current = { file, statements: 0, bytes: 0 };
      this.written.push(this.current);
    }
    let lines = 0;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
    this.current.statements += lines;
    this.current.bytes += bytes.length;
    await Promise.race([send(this.stream, bytes), this.failed]);
  }

  /** Ends the part being written. */
  async close(): Promise<void> {
    if (this.stream === undefined) return;
    this.stream.end();
    await Promise.race([this.finished, this.failed]);
    this.stream = undefined;
    this.file = undefined;
    this.current = undefined;
  }

  /** Closes the part being written, whatever it holds, so that its file can be removed. */
  async abort(): Promise<void> {
    if (this.stream !== this.file) this.stream?.destroy();
    if (this.file !== undefined) await destroyed(this.file);
    this.stream = undefined;
    this.file = undefined;
    this.current = undefined;
  }

  /** Writes what is left, closes the last part and writes the manifest. */
  async end(): Promise<void> {
    await this.finish();
    // The last line, where the writer left out its newline.
    if (this.partial.length > 0) await this.cut(Buffer.concat([this.partial, Buffer.from('\n')]));
    await this.close();
    const { partBytes, gzip, mediaType } = this.output;
    const manifest = {
      mediaType,
      compression: gzip ? 'gzip' : 'none',
      partBytes,
      statements: this.written.reduce((n, p) => n + p.statements, 0),
      parts: this.written,
    };
    await writeFile(path.join(this.folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/**
 * Closes a file stream without finishing it. A stream may still be opening its file when a writer
 * fails: the file must exist and be closed before the temporary path is removed, or the open
 * would create it again after the removal.
 */
async function destroyed(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close');
  stream.destroy();
  await closed;
}

/** A sink open on a temporary file or folder: `failed` rejects when the disk does; `abort` closes it unfinished. */
interface OpenSink {
  readonly sink: TextSink;
  readonly failed: Promise<never>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

async function openSink([temp, layout, file]: TemporaryTarget): Promise<OpenSink> {
  if (layout !== 'file') {
    await mkdir(temp);
    const sink = new PartedSink(temp, layout, file);
    // A part's failure rejects the write that met it.
    return { sink, failed: new Promise<never>(() => {}), close: () => sink.end(), abort: () => sink.abort() };
  }
  const stream = createWriteStream(temp, { highWaterMark: STREAM_QUEUE_BYTES });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(namingFile(error, file)));
  failed.catch(() => {});
  const sink = new StreamSink(stream);
  return { sink, failed, close: () => sink.end(), abort: () => destroyed(stream) };
}

/**
 * Writes files into their temporary paths in one pass: `write` fills the sinks, in `targets` order.
 * On failure the files are closed unfinished, for the caller to remove.
 */
export async function writeTogether(
  targets: readonly TemporaryTarget[],
  write: (sinks: readonly TextSink[]) => Promise<void>,
): Promise<void> {
  const open: OpenSink[] = [];
  try {
    for (const target of targets) open.push(await openSink(target));
    await Promise.race([
      (async () => {
        await write(open.map((o) => o.sink));
        for (const o of open) await o.close();
      })(),
      ...open.map((o) => o.failed),
    ]);
  } catch (error) {
    await Promise.all(open.map((o) => o.abort()));
    throw error;
  }
}

/**
 * Fails at once, with the file system's own error, when `folder` cannot hold the outputs: the
 * nearest part of its path that exists is not a folder (ENOTDIR) or cannot be written to (EACCES,
 * EROFS). A build asks before its first stage, not after minutes of work; nothing is created.
 */
export async function checkOutputFolder(folder: string): Promise<void> {
  let existing = path.resolve(folder);
  while ((await lstatIfAny(existing)) === undefined) {
    const parent = path.dirname(existing);
    if (parent === existing) return;
    existing = parent;
  }
  await (await opendir(existing)).close();
  await access(existing, constants.W_OK);
}

/** What is at `file` (a symbolic link itself, not what it points to), or undefined when nothing is. */
async function lstatIfAny(file: string): Promise<Stats | undefined> {
  try {
    return await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Write a set of outputs whole or not at all: each goes to a temporary file (or folder) beside its
 * target, and only when every one is complete are they renamed into place. On any failure the
 * temporary files are removed and the previous outputs stay as they were. Detached outputs are
 * started first and written meanwhile on their own thread; the rest are written here, one by one.
 * When one output fails, the detached ones still writing are stopped.
 */
export async function writeOutputs(
  folder: string,
  outputs: ReadonlyMap<string, Output>,
  onFile?: (name: string, done: number, total: number) => void,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  // Temporary files a killed run left behind are never outputs: sweep them.
  for (const name of await readdir(folder)) {
    if (TEMPORARY.test(name)) await rm(path.join(folder, name), { recursive: true, force: true });
  }
  // Each output once, with its files' targets: a detached output is listed under each of its files, a
  // file writer is one file's (the same function may write two).
  const jobs = new Map<string | DetachedOutput, { output: Output; names: string[]; targets: TemporaryTarget[] }>();
  for (const [name, output] of outputs) {
    const key = typeof output === 'function' ? name : output;
    const job = jobs.get(key) ?? { output, names: [], targets: [] };
    jobs.set(key, job);
    const layout: FileLayout = typeof output === 'function' ? 'file' : (output.files.get(name) as FileLayout);
    // Outputs are renamed into place one by one once all are written: one that could not be replaced
    // then would leave those before it new and those after it old. It is found before anything is written.
    if (layout === 'file') await checkReplaceable(path.join(folder, name));
    job.names.push(name);
    job.targets.push([path.join(folder, `.${name}.${process.pid}.tmp`), layout, path.join(folder, name)]);
  }
  let done = 0;
  const fileDone = (name: string): void => onFile?.(name, ++done, outputs.size);
  const detached: Promise<void>[] = [];
  let detachedFailed = false;
  const stop = new AbortController();
  try {
    for (const { output, targets } of jobs.values()) {
      if (typeof output === 'function') continue;
      const started = output.start(targets, fileDone, stop.signal);
      started.catch(() => {
        detachedFailed = true;
      });
      detached.push(started);
    }
    for (const { output, names, targets } of jobs.values()) {
      if (detachedFailed) break;
      if (typeof output !== 'function') continue;
      await writeTogether(targets, (sinks) => output(sinks[0] as TextSink));
      fileDone(names[0] as string);
    }
    await Promise.all(detached);
    for (const { names, targets } of jobs.values()) {
      for (const [index, name] of names.entries()) await moveIntoPlace(folder, name, targets[index] as TemporaryTarget);
    }
  } catch (error) {
    // A detached output may still be writing its files: it is told to stop, and they are removed once it has.
    stop.abort();
    await Promise.allSettled(detached);
    await Promise.all([...jobs.values()].flatMap(({ targets }) => targets.map(([temp]) => rm(temp, { recursive: true, force: true }))));
    throw error;
  }
}

/** Throws the file system's own error (EISDIR) when a folder is where the output file `file` goes: a file cannot be renamed over it. */
async function checkReplaceable(file: string): Promise<void> {
  // Opening a folder for writing fails with the error that names it.
  if ((await lstatIfAny(file))?.isDirectory()) await (await open(file, 'r+')).close();
}

async function moveIntoPlace(folder: string, name: string, [temp, layout]: TemporaryTarget): Promise<void> {
  const target = path.join(folder, name);
  if (layout === 'file') {
    await rename(temp, target);
    return;
  }
  // A folder cannot be renamed over another: the old one steps aside first.
  const old = path.join(folder, `.${name}.${process.pid}.old`);
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(temp, target);
  await rm(old, { recursive: true, force: true });
}
