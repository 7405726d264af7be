import { parentPort } from 'node:worker_threads';
import { iterateRun, type LayoutRun } from './layoutRun.js';

// The worker side of `drawAnalysis`: one layout run in, its node array back (moved, not copied).
parentPort?.once('message', (run: LayoutRun) => {
  iterateRun(run);
  parentPort?.postMessage(run.nodes, [run.nodes.buffer as ArrayBuffer]);
});
