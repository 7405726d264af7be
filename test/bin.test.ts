import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableMemory, missingHeapFlags, oldGenerationFlag, YOUNG_GENERATION_FLAG } from '../src/heapFlags.js';
import { tempDir } from './helpers/tempDir.js';

const BIN = path.join(import.meta.dirname, '..', 'dist', 'bin.js');
/** Loaded before the bin in every process it starts: each prints its pid and Node options on stderr. */
const REPORT_PROCESS = `data:text/javascript,process.stderr.write('process ' + JSON.stringify({ pid: process.pid, execArgv: process.execArgv }) + '\\n')`;

interface Started {
  pid: number;
  execArgv: string[];
}

/** The installed command line (dist/bin.js, as `npx arxiv-kg` runs it), each of its processes reporting itself. */
function runBin(args: string[], onStarted?: (started: Started, parent: ReturnType<typeof spawn>) => void) {
  const parent = spawn(process.execPath, ['--import', REPORT_PROCESS, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  const started: Started[] = [];
  let stderr = '';
  parent.stderr.setEncoding('utf8');
  let lines = '';
  parent.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    lines += chunk;
    const complete = lines.slice(0, lines.lastIndexOf('\n') + 1);
    lines = lines.slice(complete.length);
    for (const match of complete.matchAll(/^process (\{.*\})$/gm)) {
      const reported = JSON.parse(match[1] as string) as Started;
      started.push(reported);
      onStarted?.(reported, parent);
    }
  });
  parent.stdout.resume();
  const ended = once(parent, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return ended.then(([code, signal]) => ({ code, signal, started, stderr }));
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('missingHeapFlags', () => {
  const GB = 2 ** 30;

  it('sizes the old generation at three quarters of the memory, and the young one for a large heap', () => {
    expect(oldGenerationFlag(16 * GB)).toBe('--max-old-space-size=12288');
    expect(missingHeapFlags([], undefined, 16 * GB)).toEqual([YOUNG_GENERATION_FLAG, '--max-old-space-size=12288']);
  });

  it('keeps the sizes given on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(missingHeapFlags(['--max-semi-space-size=32'], undefined, 16 * GB)).toEqual(['--max-old-space-size=12288']);
    expect(missingHeapFlags([], '--max_old_space_size=4096 --enable-source-maps', 16 * GB)).toEqual([YOUNG_GENERATION_FLAG]);
    expect(missingHeapFlags(['--import', 'tsx', '--max-old-space-size=4096'], '--max_semi_space_size=8', 16 * GB)).toEqual([]);
  });
});

describe('the installed command line (dist/bin.js)', () => {
  it("runs a build again in a child process with heap sizes for a large build (the machine's memory), and it writes the outputs", async () => {
    const out = await tempDir('arxiv-kg-bin-');
    const { code, started } = await runBin(['build', '-o', out, '--quiet', '--formats', 'json']);
    expect(code).toBe(0);
    expect(started).toHaveLength(2);
    expect(started[0]?.execArgv).not.toContain(YOUNG_GENERATION_FLAG);
    expect(started[1]?.execArgv).toEqual(['--import', REPORT_PROCESS, YOUNG_GENERATION_FLAG, oldGenerationFlag(availableMemory())]);
    expect(await readdir(out)).toContain('graph.json');
  });

  it("ends with the child's exit code and shows its messages", async () => {
    const out = await tempDir('arxiv-kg-bin-');
    const { code, stderr } = await runBin(['build', path.join(out, 'missing.md'), '-o', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.md');
  });

  it('runs every other command, and a build whose heap sizes are given, in its own process', async () => {
    const parse = await runBin(['parse', '--quiet']);
    expect(parse.code).toBe(0);
    expect(parse.started).toHaveLength(1);
    const out = await tempDir('arxiv-kg-bin-');
    const sized = spawn(process.execPath, ['--max-semi-space-size=8', '--max-old-space-size=2048', '--import', REPORT_PROCESS, BIN, 'build', '-o', out, '--quiet', '--formats', 'json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    sized.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = (await once(sized, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stderr.match(/^process /gm)).toHaveLength(1);
  });

  it("runs the build in its own process, with Node's heap sizes, when the child process cannot be started", async () => {
    const out = await tempDir('arxiv-kg-bin-');
    // The child is started from process.execPath: where no file is, spawning it fails (ENOENT).
    const noChild = `data:text/javascript,process.execPath = ${JSON.stringify(path.join(out, 'no-node'))}`;
    const run = spawn(process.execPath, ['--import', noChild, '--import', REPORT_PROCESS, BIN, 'build', '-o', out, '--quiet', '--formats', 'json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = (await once(run, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stderr.match(/^process /gm)).toHaveLength(1);
    expect(await readdir(out)).toContain('graph.json');
  });

  it('says what to do when the build is killed as running out of memory would, and ends by the same signal', async () => {
    const out = await tempDir('arxiv-kg-bin-');
    const { code, signal, stderr } = await runBin(['build', '-o', out, '--quiet'], (reported) => {
      if (reported.execArgv.includes(YOUNG_GENERATION_FLAG)) process.kill(reported.pid, 'SIGKILL');
    });
    expect(code).toBeNull();
    expect(signal).toBe('SIGKILL');
    expect(stderr).toContain('the build was stopped by SIGKILL; if memory ran out, build fewer digests at once');
  });

  it('passes a signal on to the build and ends by it, leaving no build running', async () => {
    const out = await tempDir('arxiv-kg-bin-');
    const { code, signal, started } = await runBin(['build', '-o', out, '--quiet'], (reported, parent) => {
      if (reported.execArgv.includes(YOUNG_GENERATION_FLAG)) parent.kill('SIGTERM');
    });
    expect(code).toBeNull();
    expect(signal).toBe('SIGTERM');
    expect(started).toHaveLength(2);
    expect(isRunning(started[1]?.pid as number)).toBe(false);
  });
});
