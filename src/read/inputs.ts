import { createReadStream } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Diagnostics } from '../diagnostics.js';

/** One digest to read: `name` is how it appears in sources and messages. */
export interface DigestInput {
  readonly name: string;
  open(): Readable;
}

/**
 * What the user asks to read: a path (file, folder or `-`), or a file with the name it should carry in
 * the output, so that a file found through an absolute path still prints the same on every machine.
 */
export type InputSpec = string | { readonly path: string; readonly name: string };

/** Extensions picked up when walking a folder; files named explicitly are read whatever their name. */
const DIGEST_EXTENSIONS = new Set(['.md', '.txt']);

export const STDIN_NAME = '<stdin>';

/**
 * The digest files under `folder`, in code-point order (not locale order: the same folder reads in the
 * same order on every machine). Symbolic links are followed, each real folder walked once; a sub-folder
 * that cannot be listed is reported and the walk goes on.
 */
async function walk(folder: string, diagnostics: Diagnostics, visited = new Set<string>()): Promise<string[]> {
  const real = await realpath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let children: Dirent[];
  try {
    children = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    diagnostics.report({
      severity: 'skipped',
      file: folder,
      problem: `cannot list the folder (${describeError(error)})`,
      action: 'skipped it; the rest of the walk goes on',
    });
    return [];
  }
  const visible = children.filter((child) => !child.name.startsWith('.'));
  // Only links need a stat to know what they point to; those run in parallel.
  const kinds = await Promise.all(
    visible.map(async (child) => {
      if (!child.isSymbolicLink()) return { directory: child.isDirectory(), file: child.isFile() };
      const info = await stat(path.join(folder, child.name)).catch(() => undefined);
      return { directory: info?.isDirectory() === true, file: info?.isFile() === true };
    }),
  );
  const found: string[] = [];
  for (const [i, child] of visible.entries()) {
    const full = path.join(folder, child.name);
    const kind = kinds[i] as { directory: boolean; file: boolean };
    if (kind.directory) found.push(...(await walk(full, diagnostics, visited)));
    else if (kind.file && DIGEST_EXTENSIONS.has(path.extname(child.name).toLowerCase())) found.push(full);
  }
  return found;
}

function fileInput(file: string, name = file): DigestInput {
  return { name, open: () => createReadStream(file, { highWaterMark: 1 << 20 }) };
}

/**
 * Expand the command line's inputs: files as given, folders recursively (`.md` and `.txt`, hidden
 * entries skipped), `-` for standard input. An input that cannot be read is reported and left out;
 * a file reached twice (named twice, or through a link) is read once.
 */
export async function resolveInputs(
  args: readonly InputSpec[],
  diagnostics: Diagnostics,
  stdin: () => Readable,
): Promise<DigestInput[]> {
  const inputs: DigestInput[] = [];
  const seen = new Set<string>();
  const add = (input: DigestInput, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  for (const spec of args) {
    if (typeof spec !== 'string') {
      add(fileInput(spec.path, spec.name), await realpath(spec.path).catch(() => path.resolve(spec.path)));
      continue;
    }
    const arg = spec;
    if (arg === '-') {
      add({ name: STDIN_NAME, open: stdin }, STDIN_NAME);
      continue;
    }
    try {
      const info = await stat(arg);
      const files = info.isDirectory() ? await walk(arg, diagnostics) : [arg];
      if (info.isDirectory() && files.length === 0) {
        diagnostics.report({
          severity: 'warning',
          file: arg,
          problem: 'folder holds no .md or .txt files',
          action: 'nothing read from it',
        });
      }
      const real = await Promise.all(files.map((file) => realpath(file)));
      files.forEach((file, i) => add(fileInput(file), real[i] as string));
    } catch (error) {
      diagnostics.report({
        severity: 'skipped',
        file: arg,
        problem: `cannot read it (${describeError(error)})`,
        action: 'skipped; check the path',
      });
    }
  }
  return inputs;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message.replace(/^\w+: /, '')}` : error.message;
  }
  return String(error);
}
