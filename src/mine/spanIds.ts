/**
 * Numbers for runs of small non-negative integers (the word ids of a span), held in typed arrays and
 * found by hashing the integers. Keyword mining looks up some fifteen million spans at 100,000 papers,
 * a few hundred thousand of them distinct: a string per span (joined, hashed, then compared with the
 * one a `Map` holds, somewhere in a heap of gigabytes) put 11 s of the main thread in those lookups
 * alone (a CPU profile of one build).
 */
export class SpanIds {
  /** Per slot of the open-addressed table: an entry's index + 1, or 0 when free. */
  private slots = new Int32Array(1 << 10);
  /** Per entry: where its run starts in `runs`, its length and its value. */
  private starts = new Int32Array(1 << 9);
  private lengths = new Int32Array(1 << 9);
  private values = new Int32Array(1 << 9);
  private runs = new Int32Array(1 << 10);
  private entries = 0;
  private used = 0;

  /** The number stored for items[start, end), or -1. */
  get(items: readonly number[], start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashRun(items, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return -1;
      if (this.holds(entry, items, start, end)) return this.values[entry] as number;
    }
  }

  /** Stores `value` for items[start, end), which `get` did not find. */
  set(items: readonly number[], start: number, end: number, value: number): void {
    const length = end - start;
    if ((this.entries + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.entries === this.values.length) {
      this.starts = grown(this.starts, this.entries * 2);
      this.lengths = grown(this.lengths, this.entries * 2);
      this.values = grown(this.values, this.entries * 2);
    }
    if (this.used + length > this.runs.length) this.runs = grown(this.runs, Math.max(this.runs.length * 2, this.used + length));
    const entry = this.entries++;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.values[entry] = value;
    for (let i = start; i < end; i++) this.runs[this.used++] = items[i] as number;
    this.place(entry, hashRun(items, start, end));
  }

  private holds(entry: number, items: readonly number[], start: number, end: number): boolean {
    if (this.lengths[entry] !== end - start) return false;
    const at = (this.starts[entry] as number) - start;
    for (let i = start; i < end; i++) if (this.runs[at + i] !== items[i]) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < this.entries; entry++) {
      const start = this.starts[entry] as number;
      this.place(entry, hashRun(this.runs, start, start + (this.lengths[entry] as number)));
    }
  }
}

/** FNV-1a over the integers, then mixed so that the low bits (the slot) depend on all of them. */
function hashRun(items: ArrayLike<number>, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (items[i] as number), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** A longer copy of `array`, zeros after its end. */
export function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(size);
  larger.set(array);
  return larger;
}
