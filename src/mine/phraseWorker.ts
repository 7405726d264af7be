import { startWorker } from '../workerThread.js';
import { phraseReader, type NounPhrase } from './nounPhrases.js';

/** Below this many texts a worker's start-up (loading the tagger's model again) costs more than it saves. */
const WORKER_MIN_TEXTS = 2000;
/** Texts per message: big enough that messaging is cheap, small enough that little waits in memory. */
const BATCH = 200;
/** Batches asked for ahead of the one being used, so the worker never idles. */
const AHEAD = 2;

/**
 * The noun phrases of each text, in order, read by a fresh {@link phraseReader}: the same texts give
 * the same phrases on every call. Part-of-speech tagging is most of keyword mining, so for many texts
 * it runs on a worker thread while the caller works on the phrases already tagged; the worker's
 * reader is as fresh and reads the texts in the same order, so the phrases are the same.
 */
export async function* phrasesInOrder(texts: readonly string[], maxWords: number): AsyncGenerator<NounPhrase[]> {
  if (texts.length < WORKER_MIN_TEXTS) {
    const read = phraseReader(maxWords);
    for (const text of texts) yield read(text);
    return;
  }
  const worker = startWorker(import.meta.url, 'phraseWorkerThread', { maxWords });
  const waiting: { resolve: (phrases: NounPhrase[][]) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure = error;
    for (const request of waiting.splice(0)) request.reject(error);
  };
  worker.on('message', (phrases: NounPhrase[][]) => waiting.shift()?.resolve(phrases));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the keyword tagging thread stopped (exit code ${code})`)));
  let sent = 0;
  const ask = (): Promise<NounPhrase[][]> => {
    const batch = texts.slice(sent, sent + BATCH);
    sent += batch.length;
    worker.postMessage(batch);
    const answer = new Promise<NounPhrase[][]>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting.push({ resolve, reject });
    });
    // A failure rejects every batch asked for; the first awaited reports it, the rest are not unhandled.
    answer.catch(() => {});
    return answer;
  };
  try {
    const asked: Promise<NounPhrase[][]>[] = [];
    while (sent < texts.length && asked.length <= AHEAD) asked.push(ask());
    for (let next = asked.shift(); next !== undefined; next = asked.shift()) {
      const phrases = await next;
      if (sent < texts.length) asked.push(ask());
      yield* phrases;
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
