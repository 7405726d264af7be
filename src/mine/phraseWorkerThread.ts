import { parentPort, workerData } from 'node:worker_threads';
import { phraseReader } from './nounPhrases.js';

// The worker side of `phrasesInOrder`: batches of texts in, their noun phrases out, in order.
const { maxWords } = workerData as { maxWords: number };
const read = phraseReader(maxWords);
parentPort?.on('message', (texts: readonly string[]) => {
  parentPort?.postMessage(texts.map(read));
});
