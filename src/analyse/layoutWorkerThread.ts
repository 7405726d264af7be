import { parentPort } from 'node:worker_threads';
import { iterateRun, type LayoutRun } from './layoutRun.js';

// The worker side of `drawAnalysis`: layout runs in, each run's node array back (moved, not copied).
parentPort?.once('message', (runs: LayoutRun[]) => {
  for (const run of runs) iterateRun(run);
  parentPort?.postMessage(
    runs.map((run) => run.nodes),
    runs.map((run) => run.nodes.buffer as ArrayBuffer),
  );
});
