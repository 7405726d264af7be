import { parentPort } from 'node:worker_threads';
import { writeTogether, type TemporaryTarget, type TextSink } from '../outputFiles.js';
import { writeRdfTogether, type RdfFormat } from './rdf.js';
import type { RdfSnapshot } from './snapshot.js';

/** What `writeRdfOnWorker` sends: the source's copy, and the files of each pass with their temporary targets. */
export interface RdfJob {
  readonly snapshot: RdfSnapshot;
  readonly passes: readonly (readonly { readonly format: RdfFormat; readonly target: TemporaryTarget }[])[];
}

// The worker side of `writeRdfOnWorker`: the snapshot arrives as a message, each pass is written
// whole, then its formats are reported done. A failure rejects unhandled, which ends the thread
// with the error for the caller.
async function writePasses({ snapshot, passes }: RdfJob): Promise<void> {
  for (const pass of passes) {
    await writeTogether(
      pass.map(({ target }) => target),
      (sinks) => writeRdfTogether(snapshot, new Map(pass.map(({ format }, index) => [format, sinks[index] as TextSink]))),
    );
    parentPort?.postMessage(pass.map(({ format }) => format));
  }
}

parentPort?.once('message', (job: RdfJob) => void writePasses(job));
