#!/usr/bin/env node
/**
 * `arxiv-kg` as installed (the package's bin). A build runs again in a child process started with
 * heap sizes of its own (see `heapFlags.ts`); every other command, and a build whose heap sizes the
 * user gave, runs here. This file imports no more than it needs to decide, so the waiting parent
 * stays small.
 */
import { fileURLToPath } from 'node:url';
import { availableMemory, missingHeapFlags, runWithHeapFlags } from './heapFlags.js';

const args = process.argv.slice(2);
const cli = new URL('./cli.js', import.meta.url);
const runHere = async (): Promise<void> => (await import(cli.href) as typeof import('./cli.js')).runAsProcess(args);
const heapFlags = args[0] === 'build' ? missingHeapFlags(process.execArgv, process.env.NODE_OPTIONS, availableMemory()) : [];

if (heapFlags.length > 0) {
  runWithHeapFlags(fileURLToPath(cli), args, heapFlags).then(
    (code) => {
      process.exitCode = code;
    },
    // The child could not be started: the build still runs, with Node's default heap sizes.
    () => runHere(),
  );
} else {
  await runHere();
}
