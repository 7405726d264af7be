import { parentPort } from 'node:worker_threads';
import { packedCommunities, type LouvainJob } from './louvainWorker.js';

// The worker side of `communitiesOnWorker`: an edge list in, its communities back (arrays moved, not copied).
parentPort?.once('message', (job: LouvainJob) => {
  const packed = packedCommunities(job);
  parentPort?.postMessage(packed, [packed.members.buffer as ArrayBuffer, packed.communities.buffer as ArrayBuffer, packed.strength.buffer as ArrayBuffer]);
});
