import { performance } from 'node:perf_hooks';

export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export const fixed = (n: number, digits = 1): string => n.toFixed(digits);
