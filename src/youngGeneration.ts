import { spawn } from 'node:child_process';

/**
 * The size, per semi-space, of V8's young generation that `arxiv-kg build` runs with. A scavenge
 * (the collection of young objects) costs more the larger the old heap is, even when little
 * survives it: at 100k papers, where the main thread's heap holds over 2 GB, one build made some
 * 6,500 scavenges (all threads) that took 43 s, about 10 ms each on the main thread while writing.
 * Node's default lets 16 MB be allocated between two scavenges; 64 MB makes a quarter as many.
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

/** Whether the process was started with a young generation size of its own (the user's, or ours). */
export function setsYoungGeneration(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const given = (option: string): boolean => option.startsWith('--max-semi-space-size') || option.startsWith('--max_semi_space_size');
  return execArgv.some(given) || (nodeOptions ?? '').split(/\s+/).some(given);
}

const RELAYED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `script` with `args` again in a child Node process started with {@link YOUNG_GENERATION_FLAG}
 * (only a process's start can size its heap) and the same Node options, standard streams and
 * environment. Signals sent to this process are passed on; resolves to the child's exit code, or, when
 * a signal stopped it, raises that signal here so that the caller sees the same end.
 */
export function runWithYoungGeneration(script: string, args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...args], { stdio: 'inherit' });
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
      if (signal !== null) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
