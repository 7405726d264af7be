import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanIds } from '../../src/mine/spanIds.js';

describe('SpanIds', () => {
  it('finds a run by its items wherever it sits in the array asked with', () => {
    const ids = new SpanIds();
    ids.set([7, 1, 2, 3], 1, 3, 40);
    expect(ids.get([1, 2], 0, 2)).toBe(40);
    expect(ids.get([9, 9, 1, 2, 9], 2, 4)).toBe(40);
    expect(ids.get([1, 2, 3], 0, 3)).toBe(-1);
    expect(ids.get([2, 1], 0, 2)).toBe(-1);
    expect(ids.get([1], 0, 1)).toBe(-1);
  });

  it('tells apart every run of up to three items of 0 to 20, however their hashes collide', () => {
    const runs: number[][] = [[]];
    for (let length = 1; length <= 3; length++) for (const prefix of runs.filter((r) => r.length === length - 1)) for (let x = 0; x <= 20; x++) runs.push([...prefix, x]);
    runs.shift();
    // Both ways round: a run must not be taken for a longer one that starts with it, nor the reverse.
    for (const order of [runs, [...runs].reverse()]) {
      const ids = new SpanIds();
      order.forEach((items, value) => ids.set(items, 0, items.length, value));
      expect(order.filter((items, value) => ids.get(items, 0, items.length) !== value)).toEqual([]);
    }
  });

  it('agrees with a Map of joined runs, past many growths of its table', () => {
    const run = fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 3000 }), (runs) => {
        const ids = new SpanIds();
        const expected = new Map<string, number>();
        for (const items of runs) {
          const key = items.join(' ');
          const found = ids.get(items, 0, items.length);
          expect(found).toBe(expected.get(key) ?? -1);
          if (found < 0) {
            ids.set(items, 0, items.length, expected.size);
            expected.set(key, expected.size);
          }
        }
        for (const [key, value] of expected) {
          const items = key.split(' ').map(Number);
          expect(ids.get(items, 0, items.length)).toBe(value);
        }
      }),
      { seed: 7, numRuns: 30 },
    );
  });
});
