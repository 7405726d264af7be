#!/usr/bin/env node
/**
 * `arxiv-kg` as installed (the package's bin). A build runs again in a child process started with a
 * young generation sized for its heap (see `youngGeneration.ts`); every other command, and a build
 * whose young generation the user sized, runs here. This file imports no more than it needs to
 * decide, so the waiting parent stays small.
 */
import { fileURLToPath } from 'node:url';
import { runWithYoungGeneration, setsYoungGeneration } from './youngGeneration.js';

const args = process.argv.slice(2);
const cli = new URL('./cli.js', import.meta.url);
const runHere = async (): Promise<void> => (await import(cli.href) as typeof import('./cli.js')).runAsProcess(args);

if (args[0] === 'build' && !setsYoungGeneration(process.execArgv, process.env.NODE_OPTIONS)) {
  runWithYoungGeneration(fileURLToPath(cli), args).then(
    (code) => {
      process.exitCode = code;
    },
    // The child could not be started: the build still runs, with Node's default young generation.
    () => runHere(),
  );
} else {
  await runHere();
}
