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
 * Each line is decoded on its own from the chunk's bytes, after one validity check of the whole chunk.
 * Not one decode per chunk split into lines: such a line is a slice that keeps the whole chunk's text
 * alive while one field read from it lives, in two bytes a character when one character of the
 * chunk is outside Latin-1. At 100k papers that held 461 MB of heap after reading, against 284 MB.
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

  /** Emit the lines of `region`: whole lines joined by LF, the last one without its LF. */
  const emitRegion = (region: Buffer): void => {
    const valid = isUtf8(region);
    let start = 0;
    for (;;) {
      const newline = region.indexOf(0x0a, start);
      const end = newline < 0 ? region.length : newline;
      if (!valid && !isUtf8(region.subarray(start, end))) {
        invalid++;
        firstInvalid ??= lineNo + 1;
      }
      lineNo++;
      onLine(region.toString('utf8', start, end > start && region[end - 1] === 0x0d ? end - 1 : end), lineNo);
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
