import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import type { FileSummary } from './readDigests.js';
import type { DigestEntry } from './types.js';

/** What reading one digest file gave: its entries, the problems reported while reading it, its summary. */
export interface ParsedFile {
  readonly entries: readonly DigestEntry[];
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: FileSummary;
}

let readerFingerprint: string | undefined;

/**
 * The reader's own code, hashed (once, when a cache is first used): a cache written by other parsing
 * code is never used. The files of this folder are the whole read stage (compiled .js in a build, .ts
 * when run from source).
 */
function fingerprint(): string {
  if (readerFingerprint === undefined) {
    const folder = path.dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const name of readdirSync(folder).sort()) {
      if (/\.(?:js|ts)$/.test(name)) hash.update(name).update(readFileSync(path.join(folder, name)));
    }
    readerFingerprint = hash.digest('hex').slice(0, 16);
  }
  return readerFingerprint;
}

/**
 * Parsed digest files kept between builds, one JSON file per input file under `folder`, keyed by the
 * file's name, the SHA-256 of its bytes and the reader's fingerprint: a changed file, a renamed one or
 * a new version of arxiv-kg parses again. `prune` removes what the last build did not use.
 */
export class ParseCache {
  private readonly used = new Set<string>();

  constructor(private readonly folder: string) {}

  static contentHash(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  private key(name: string, contentHash: string): string {
    return `${createHash('sha256').update(`${fingerprint()}\n${name}\n${contentHash}`).digest('hex')}.json`;
  }

  async get(name: string, contentHash: string): Promise<ParsedFile | undefined> {
    const key = this.key(name, contentHash);
    try {
      const parsed = JSON.parse(await readFile(path.join(this.folder, key), 'utf8')) as ParsedFile;
      this.used.add(key);
      return parsed;
    } catch {
      return undefined;
    }
  }

  /** Stores a parsed file, written to a temporary name first so a killed run leaves no half entry. */
  async put(name: string, contentHash: string, parsed: ParsedFile): Promise<void> {
    const key = this.key(name, contentHash);
    await mkdir(this.folder, { recursive: true });
    const temp = path.join(this.folder, `.${key}.${process.pid}.tmp`);
    await writeFile(temp, JSON.stringify(parsed));
    await rename(temp, path.join(this.folder, key));
    this.used.add(key);
  }

  /** Removes every cached file this run did not read or write. */
  async prune(): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => !this.used.has(n)).map((n) => rm(path.join(this.folder, n), { force: true })));
  }
}
