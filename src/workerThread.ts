import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside `from` (the caller's `import.meta.url`):
 * its compiled JavaScript, or, when the caller runs from the TypeScript sources (the tests, the
 * bench), its source loaded through tsx's require hook, since Node 20 does not carry tsx's ESM hooks
 * into a worker.
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  // A worker inherits the process's Node options, but `--input-type` is about the main script given as
  // text (`node --input-type=module -e …`, a user's script importing the package): with it, the
  // worker refuses to load its own module.
  const execArgv = process.execArgv.filter((option) => !option.startsWith('--input-type'));
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData, execArgv });
  const tsx = createRequire(from).resolve('tsx/cjs');
  const source = fileURLToPath(new URL(`./${name}.ts`, from));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, workerData, execArgv });
}
