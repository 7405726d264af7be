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
interface TaggingThread<W> {
  ask(texts: readonly string[]): Promise<NounPhrase<W>[][]>;
  stop(): Promise<void>;
}

function taggingThread<W>(maxWords: number, wordOf: (word: string) => W): TaggingThread<W> {
  const worker = startWorker(import.meta.url, 'phraseWorkerThread', { maxWords });
  const waiting: { resolve: (phrases: NounPhrase<W>[][]) => void; reject: (error: Error) => void }[] = [];
  /** What `wordOf` made of the thread's words, by their numbers: see {@link PackedPhrases}. */
  const vocabulary: W[] = [];
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure = error;
    for (const request of waiting.splice(0)) request.reject(error);
  };
  // Unpacked as each answer comes, in the order asked: each batch's new words follow the last's.
  worker.on('message', (packed: PackedPhrases) => waiting.shift()?.resolve(unpackPhrases(packed, vocabulary, wordOf)));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the keyword tagging thread stopped (exit code ${code})`)));
  return {
    ask(texts) {
      worker.postMessage(texts);
      const answer = new Promise<NounPhrase<W>[][]>((resolve, reject) => {
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
 * The noun phrases of each text, in order, the same on every call, each word as `wordOf` made it:
 * for few texts read by a fresh {@link phraseReader}. Part-of-speech tagging is most of keyword
 * mining, so for many texts it runs on {@link TAGGERS} worker threads, each with a fresh reader and
 * taking every other batch, while the caller works on the phrases already tagged. A thread's words
 * come as numbers, and `wordOf` is asked once per distinct word of each thread, not once per use,
 * so a caller that looks words up in a table of its own pays per word, not per occurrence. `wordOf`
 * must give equal results for a word whenever it is asked.
 */
export async function* phrasesInOrder<W>(
  texts: readonly string[],
  maxWords: number,
  wordOf: (word: string) => W,
): AsyncGenerator<NounPhrase<W>[]> {
  if (texts.length < WORKER_MIN_TEXTS) {
    const read = phraseReader(maxWords);
    for (const text of texts) yield read(text).map(({ words, heads }) => ({ words: words.map(wordOf), heads }));
    return;
  }
  const threads = Array.from({ length: TAGGERS }, () => taggingThread(maxWords, wordOf));
  const batches = Math.ceil(texts.length / BATCH);
  let sent = 0;
  const asked: Promise<NounPhrase<W>[][]>[] = [];
  const askNext = (): void => {
    const batch = sent++;
    asked.push((threads[batch % TAGGERS] as TaggingThread<W>).ask(texts.slice(batch * BATCH, (batch + 1) * BATCH)));
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
