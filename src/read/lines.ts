import { isUtf8 } from 'node:buffer';

export interface LineStats {
  readonly bytes: number;
  readonly lines: number;
  /** A NUL byte near the start: the input is not text and no line was read. */
  readonly binary: boolean;
  /** Lines that were not valid UTF-8 and were decoded with U+FFFD replacement characters. */
  readonly invalidUtf8Lines: number;
  readonly firstInvalidUtf8Line?: number;
}

const BINARY_PROBE_BYTES = 8192;

/**
 * Split a byte stream into lines and hand each one, decoded, to `onLine`, without ever holding more
 * than one chunk and one line. Lines end at LF; a CR before it is dropped (CRLF files), as is a UTF-8
 * byte-order mark. Invalid UTF-8 is decoded with replacement characters and counted, never fatal.
 *
 * Each chunk's complete lines are checked and decoded in one native call, then split in JS: far
 * cheaper than one decode per line, and the only slow path is a chunk that is not valid UTF-8.
 */
export async function readLines(
  chunks: AsyncIterable<Buffer | string>,
  onLine: (text: string, lineNo: number) => void,
): Promise<LineStats> {
  let bytes = 0;
  let lineNo = 0;
  let invalid = 0;
  let firstInvalid: number | undefined;
  let carry: Buffer[] = [];
  let first = true;

  const emit = (text: string): void => {
    lineNo++;
    onLine(text.endsWith('\r') ? text.slice(0, -1) : text, lineNo);
  };
  /** Emit the lines of `region`: whole lines joined by LF, the last one without its LF. */
  const emitRegion = (region: Buffer): void => {
    if (isUtf8(region)) {
      for (const line of region.toString('utf8').split('\n')) emit(line);
      return;
    }
    let start = 0;
    for (;;) {
      const newline = region.indexOf(0x0a, start);
      const line = region.subarray(start, newline < 0 ? region.length : newline);
      if (!isUtf8(line)) {
        invalid++;
        firstInvalid ??= lineNo + 1;
      }
      emit(line.toString('utf8'));
      if (newline < 0) return;
      start = newline + 1;
    }
  };

  for await (const raw of chunks) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    bytes += chunk.length;
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
        return { bytes, lines: 0, binary: true, invalidUtf8Lines: 0 };
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last < 0) {
      if (chunk.length > 0) carry.push(chunk);
      continue;
    }
    const whole = chunk.subarray(0, last);
    emitRegion(carry.length > 0 ? Buffer.concat([...carry, whole]) : whole);
    carry = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
  }
  if (carry.length > 0) emitRegion(Buffer.concat(carry));
  return {
    bytes,
    lines: lineNo,
    binary: false,
    invalidUtf8Lines: invalid,
    ...(firstInvalid === undefined ? {} : { firstInvalidUtf8Line: firstInvalid }),
  };
}
