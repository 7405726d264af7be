import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';

/**
 * The size, per semi-space, of V8's young generation that `arxiv-kg build` runs with. A scavenge
 * (the collection of young objects) costs more the larger the old heap is, even when little
 * survives it: at 100k papers, where the main thread's heap holds over 2 GB, one build made some
 * 6,500 scavenges (all threads) that took 43 s, about 10 ms each on the main thread while writing.
 * Node's default lets 16 MB be allocated between two scavenges; 64 MB makes a quarter as many.
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

/**
 * The limit of V8's old generation that `arxiv-kg build` runs with: three quarters of `memoryBytes`,
 * the machine's memory. V8's own limit stays near 4 GB however much memory the machine has: a
 * build of 200,000 papers reached it on the main thread after 5 minutes and ended with "JavaScript
 * heap out of memory", on a machine with 23 GB. Worker threads take the same limit, each its own.
 */
export function oldGenerationFlag(memoryBytes: number): string {
  return `--max-old-space-size=${Math.floor((memoryBytes * 0.75) / 2 ** 20)}`;
}

/** The memory this process may use: the machine's, or its container's when that is less. */
export function availableMemory(): number {
  // Node reports 2^64 (no limit) or 0 (unknown) when there is no container limit.
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
}

/**
 * The heap flags a build is started with ({@link YOUNG_GENERATION_FLAG}, {@link oldGenerationFlag})
 * that the process was not already given, on the command line or in NODE_OPTIONS: the user's own
 * sizes are kept.
 */
export function missingHeapFlags(execArgv: readonly string[], nodeOptions: string | undefined, memoryBytes: number): string[] {
  const options = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  const given = (name: string): boolean => options.some((o) => o.startsWith(`--${name}`) || o.startsWith(`--${name.replaceAll('-', '_')}`));
  return [
    ...(given('max-semi-space-size') ? [] : [YOUNG_GENERATION_FLAG]),
    ...(given('max-old-space-size') ? [] : [oldGenerationFlag(memoryBytes)]),
  ];
}

const RELAYED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How a process ends when memory runs out: killed by the kernel, or aborted by V8 at its heap limit. */
const OUT_OF_MEMORY_SIGNALS: readonly NodeJS.Signals[] = ['SIGKILL', 'SIGABRT'];

/**
 * Runs `script` with `args` again in a child Node process started with `flags` (only a process's
 * start can size its heap) and the same Node options, standard streams and environment. Signals
 * sent to this process are passed on; resolves to the child's exit code, or, when a signal stopped
 * it, raises that signal here so that the caller sees the same end, after a line on what to do when
 * the signal is one that running out of memory sends.
 */
export function runWithHeapFlags(script: string, args: readonly string[], flags: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...args], { stdio: 'inherit' });
  const relay = (signal: NodeJS.Signals): void => void child.kill(signal);
  for (const signal of RELAYED_SIGNALS) process.on(signal, relay);
  const stopRelaying = (): void => {
    for (const signal of RELAYED_SIGNALS) process.off(signal, relay);
  };
  return new Promise<number>((resolve, reject) => {
    child.once('error', (error) => {
      stopRelaying();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopRelaying();
      if (signal !== null && OUT_OF_MEMORY_SIGNALS.includes(signal)) {
        process.stderr.write(
          `arxiv-kg: the build was stopped by ${signal}; if memory ran out, build fewer digests at once or on a machine ` +
            'with more memory (NODE_OPTIONS=--max-old-space-size=MB sets the heap limit of each thread)\n',
        );
      }
      if (signal !== null) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
