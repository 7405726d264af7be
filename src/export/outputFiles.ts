import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const FLUSH_BYTES = 1 << 16;
const TEMPORARY = /^\..+\.\d+\.tmp$/;

/** Text out to a stream in 64 KiB chunks, waiting when the stream asks to (so memory stays flat). */
export class TextSink {
  private readonly parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: WriteStream) {}

  async write(text: string): Promise<void> {
    this.append(text);
    if (this.full) await this.flush();
  }

  /** Add text without waiting: for writers that cannot await (n3's); call `flush` when `full`. */
  append(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  get full(): boolean {
    return this.size >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts.length = 0;
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

export type FileWriter = (sink: TextSink) => Promise<void>;

/**
 * Write a set of output files whole or not at all: each goes to a temporary file beside its target,
 * and only when every one is complete are they renamed into place. On any failure the temporary
 * files are removed and the previous outputs stay as they were.
 */
export async function writeOutputs(
  folder: string,
  files: ReadonlyMap<string, FileWriter>,
  onFile?: (done: number, total: number) => void,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  // Temporary files a killed run left behind are never outputs: sweep them.
  for (const name of await readdir(folder)) {
    if (TEMPORARY.test(name)) await rm(path.join(folder, name), { force: true });
  }
  const temporary: string[] = [];
  try {
    for (const [name, write] of files) {
      const temp = path.join(folder, `.${name}.${process.pid}.tmp`);
      temporary.push(temp);
      const stream = createWriteStream(temp);
      const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
      const sink = new TextSink(stream);
      await Promise.race([
        (async () => {
          await write(sink);
          await sink.flush();
          stream.end();
          await once(stream, 'finish');
        })(),
        failed,
      ]);
      onFile?.(temporary.length, files.size);
    }
    for (const [index, name] of [...files.keys()].entries()) {
      await rename(temporary[index] as string, path.join(folder, name));
    }
  } catch (error) {
    await Promise.all(temporary.map((temp) => rm(temp, { force: true })));
    throw error;
  }
}
