import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside `from` (the caller's `import.meta.url`):
 * its compiled JavaScript, or, when the caller runs from the TypeScript sources (the tests, the
 * bench), its source loaded through tsx's require hook, since Node 20 does not carry tsx's ESM hooks
 * into a worker.
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) {
    // Started by a dynamic import, valid as script and as module: a worker inherits the process's
    // Node options, and under `--input-type=module` (a user's `node --input-type=module -e …` that
    // imports the package) a worker given its file refuses to load it. Setting the worker's options
    // instead is no way out: an explicit list must not hold V8 options such as --expose-gc.
    const entry = new URL(`./${name}.js`, from);
    return new Worker(`import(${JSON.stringify(entry.href)});`, { eval: true, workerData });
  }
  const tsx = createRequire(from).resolve('tsx/cjs');
  const source = fileURLToPath(new URL(`./${name}.ts`, from));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, workerData });
}

/**
 * One job for the worker thread `name` (see {@link startWorker}): `job` is posted with `transfer`
 * moved, not copied, and the worker's one reply is returned. The thread is let go either way; its
 * error, or its stopping before it replied (told as "the `what` thread stopped"), rejects. So does
 * `signal` when aborted, with its reason, without waiting for the job: the thread is stopped.
 */
export async function askWorker<Reply>(
  from: string,
  name: string,
  what: string,
  job: unknown,
  transfer: readonly Transferable[],
  signal?: AbortSignal,
): Promise<Reply> {
  const worker = startWorker(from, name, undefined);
  let stop = (): void => {};
  try {
    const reply = new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the ${what} thread stopped (exit code ${code})`)));
      stop = () => reject(signal?.reason);
      if (signal?.aborted) stop();
      signal?.addEventListener('abort', stop, { once: true });
    });
    worker.postMessage(job, transfer);
    return await reply;
  } finally {
    signal?.removeEventListener('abort', stop);
    worker.removeAllListeners();
    await worker.terminate();
  }
}
