import type { Worker } from 'node:worker_threads';
import { Writer } from 'n3';
import { startWorker } from '../../workerThread.js';
import type { TemporaryTarget, TextSink } from '../outputFiles.js';
import { exportQuads } from './quads.js';
import type { RdfJob } from './rdfWorkerThread.js';
import { snapshotRdfSource, type RdfSnapshot, type RdfSource } from './snapshot.js';
import { NS } from './vocabulary.js';

export const RDF_FORMATS = {
  ttl: { file: 'graph.ttl', n3: 'Turtle', namedGraphs: false, mediaType: 'text/turtle' },
  nt: { file: 'graph.nt', n3: 'N-Triples', namedGraphs: false, mediaType: 'application/n-triples' },
  nq: { file: 'graph.nq', n3: 'N-Quads', namedGraphs: true, mediaType: 'application/n-quads' },
  trig: { file: 'graph.trig', n3: 'TriG', namedGraphs: true, mediaType: 'application/trig' },
} as const;
export type RdfFormat = keyof typeof RDF_FORMATS;

/**
 * Serialise the export with n3's writer, streamed: n3 writes into the sink as quads arrive, and the
 * sink is flushed (waiting for the disk) every 64 KiB, so neither the quads nor the text are ever
 * held whole.
 */
export function writeRdf(source: RdfSource, format: RdfFormat, sink: TextSink): Promise<void> {
  return writeRdfTogether(snapshotRdfSource(source), new Map([[format, sink]]));
}

/**
 * Several formats of the same statements (Turtle and N-Triples; N-Quads and TriG) from one walk over
 * the snapshot, each quad handed to every format's writer in turn. `stopRequested` is asked before
 * each batch of statements: when it answers true, the walk stops with an error.
 */
export async function writeRdfTogether(
  source: RdfSnapshot,
  sinks: ReadonlyMap<RdfFormat, TextSink>,
  stopRequested: () => boolean = () => false,
): Promise<void> {
  const formats = [...sinks.keys()];
  const namedGraphs = new Set(formats.map((format) => RDF_FORMATS[format].namedGraphs));
  if (namedGraphs.size !== 1) throw new Error(`cannot write ${formats.join(' and ')} in one pass: they hold different statements`);
  const writers = formats.map((format) => {
    const { n3 } = RDF_FORMATS[format];
    const sink = sinks.get(format) as TextSink;
    const prefixes = n3 === 'Turtle' || n3 === 'TriG' ? { ...NS } : {};
    return { sink, writer: new Writer({ write: (text: string) => sink.append(text), end: () => {} }, { format: n3, prefixes, end: false }) };
  });
  for (const batch of exportQuads(source, [...namedGraphs][0] as boolean)) {
    if (stopRequested()) throw new Error('RDF writing stopped: another output failed');
    for (const { sink, writer } of writers) {
      for (const q of batch) writer.addQuad(q);
      if (sink.full) await sink.flush();
    }
  }
  for (const { writer } of writers) {
    await new Promise<void>((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve())));
  }
}

/** The formats grouped by the statements they hold, each group one walk over the snapshot (Turtle with N-Triples, N-Quads with TriG). */
export function rdfPasses<T extends { readonly format: RdfFormat }>(files: readonly T[]): T[][] {
  const passes = new Map<boolean, T[]>();
  for (const file of files) {
    const { namedGraphs } = RDF_FORMATS[file.format];
    passes.set(namedGraphs, [...(passes.get(namedGraphs) ?? []), file]);
  }
  return [...passes.values()];
}

/** Sent from a function of its own, so that no local of the caller, which awaits the worker for every pass, holds the snapshot meanwhile. */
function sendJob(worker: Worker, job: RdfJob): void {
  worker.postMessage(job);
}

/**
 * Write RDF files whole into their temporary targets on a worker thread, which is sent a copy of
 * what the statements read (see `snapshot.ts`): the caller's thread is free to write other files
 * meanwhile. `onDone` is told each format as its pass completes. When `stop` aborts, the thread
 * stops before its next batch of statements (a flag in shared memory, which it reads without
 * waiting for a message), closes its files unfinished and the call rejects.
 */
export async function writeRdfOnWorker(
  source: RdfSource,
  files: readonly { readonly format: RdfFormat; readonly target: TemporaryTarget }[],
  onDone: (format: RdfFormat) => void,
  stop: AbortSignal,
): Promise<void> {
  const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const raiseStopFlag = (): void => void Atomics.store(stopFlag, 0, 1);
  if (stop.aborted) raiseStopFlag();
  stop.addEventListener('abort', raiseStopFlag, { once: true });
  const worker = startWorker(import.meta.url, 'rdfWorkerThread', undefined);
  try {
    sendJob(worker, { snapshot: snapshotRdfSource(source), passes: rdfPasses(files), stopFlag });
    await new Promise<void>((resolve, reject) => {
      let left = files.length;
      worker.on('message', (formats: RdfFormat[]) => {
        for (const format of formats) onDone(format);
        left -= formats.length;
        if (left === 0) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the RDF writing thread stopped (exit code ${code})`)));
    });
  } finally {
    stop.removeEventListener('abort', raiseStopFlag);
    worker.removeAllListeners();
    await worker.terminate();
  }
}
