import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';

/** Run the command line in-process and capture what it prints and its exit code. */
export async function runCli(argv: string[], options: { stdin?: string; interactive?: boolean } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, {
    stdout,
    stderr,
    stdin: () => Readable.from([Buffer.from(options.stdin ?? '')]),
    interactive: options.interactive ?? false,
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
