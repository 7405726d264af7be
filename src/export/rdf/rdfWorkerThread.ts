import { parentPort } from 'node:worker_threads';
import { writeTogether, type TemporaryTarget, type TextSink } from '../outputFiles.js';
import { writeRdfTogether, type RdfFormat } from './rdf.js';
import type { RdfSnapshot } from './snapshot.js';

/**
 * What `writeRdfOnWorker` sends: the source's copy, the files of each pass with their temporary
 * targets, and a flag in shared memory that the caller sets to 1 to stop the writing.
 */
export interface RdfJob {
  readonly snapshot: RdfSnapshot;
  readonly passes: readonly (readonly { readonly format: RdfFormat; readonly target: TemporaryTarget }[])[];
  readonly stopFlag: Int32Array;
}

// The worker side of `writeRdfOnWorker`: the snapshot arrives as a message, each pass is written
// whole, then its formats are reported done. A failure rejects unhandled, which ends the thread
// with the error for the caller.
async function writePasses({ snapshot, passes, stopFlag }: RdfJob): Promise<void> {
  const stopRequested = (): boolean => Atomics.load(stopFlag, 0) !== 0;
  for (const pass of passes) {
    await writeTogether(
      pass.map(({ target }) => target),
      (sinks) => writeRdfTogether(snapshot, new Map(pass.map(({ format }, index) => [format, sinks[index] as TextSink])), stopRequested),
    );
    parentPort?.postMessage(pass.map(({ format }) => format));
  }
}

parentPort?.once('message', (job: RdfJob) => void writePasses(job));
