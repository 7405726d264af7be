import { startWorker } from '../workerThread.js';
import { phraseReader, type NounPhrase } from './nounPhrases.js';
import { unpackPhrases, type PackedPhrases } from './packedPhrases.js';

/** Below this many texts starting worker threads (each loads its own tagger) costs more than it saves. */
const WORKER_MIN_TEXTS = 2000;
/** Texts per message: big enough that messaging is cheap, small enough that little waits in memory. */
const BATCH = 200;
/** Batches each thread is asked for ahead of the one being used, so that no thread idles. */
const AHEAD = 2;

/**
 * Tagging threads. A fixed number, not the machine's cores: batch b always goes to thread b mod
 * TAGGERS, so each thread's tagger has read the same texts before each batch on any machine, and
 * the phrases are the same everywhere (a tagger's reading depends on what it read before).
 */
const TAGGERS = 2;

/** A tagging thread: batches of texts in, their phrases out, answered in the order asked. */
interface TaggingThread {
  ask(texts: readonly string[]): Promise<NounPhrase[][]>;
  stop(): Promise<void>;
}

function taggingThread(maxWords: number): TaggingThread {
  const worker = startWorker(import.meta.url, 'phraseWorkerThread', { maxWords });
  const waiting: { resolve: (phrases: NounPhrase[][]) => void; reject: (error: Error) => void }[] = [];
  /** The thread's words by their numbers: see {@link PackedPhrases}. */
  const vocabulary: string[] = [];
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure = error;
    for (const request of waiting.splice(0)) request.reject(error);
  };
  // Unpacked as each answer comes, in the order asked: each batch's new words follow the last's.
  worker.on('message', (packed: PackedPhrases) => waiting.shift()?.resolve(unpackPhrases(packed, vocabulary)));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the keyword tagging thread stopped (exit code ${code})`)));
  return {
    ask(texts) {
      worker.postMessage(texts);
      const answer = new Promise<NounPhrase[][]>((resolve, reject) => {
        if (failure) reject(failure);
        else waiting.push({ resolve, reject });
      });
      // A failure rejects every batch asked for; the first awaited reports it, the rest are not unhandled.
      answer.catch(() => {});
      return answer;
    },
    async stop() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/**
 * The noun phrases of each text, in order, the same on every call: for few texts read by a fresh
 * {@link phraseReader}. Part-of-speech tagging is most of keyword mining, so for many texts it runs
 * on {@link TAGGERS} worker threads, each with a fresh reader and taking every other batch, while
 * the caller works on the phrases already tagged.
 */
export async function* phrasesInOrder(texts: readonly string[], maxWords: number): AsyncGenerator<NounPhrase[]> {
  if (texts.length < WORKER_MIN_TEXTS) {
    const read = phraseReader(maxWords);
    for (const text of texts) yield read(text);
    return;
  }
  const threads = Array.from({ length: TAGGERS }, () => taggingThread(maxWords));
  const batches = Math.ceil(texts.length / BATCH);
  let sent = 0;
  const asked: Promise<NounPhrase[][]>[] = [];
  const askNext = (): void => {
    const batch = sent++;
    asked.push((threads[batch % TAGGERS] as TaggingThread).ask(texts.slice(batch * BATCH, (batch + 1) * BATCH)));
  };
  try {
    while (sent < batches && asked.length < TAGGERS * (AHEAD + 1)) askNext();
    for (let next = asked.shift(); next !== undefined; next = asked.shift()) {
      const phrases = await next;
      if (sent < batches) askNext();
      yield* phrases;
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
}
