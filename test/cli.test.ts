import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/runCli.js';

const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

const run = (argv: string[], stdin = '') => runCli(argv, { stdin });

describe('arxiv-kg parse', () => {
  it('reads the shipped sample by default, byte for byte as expected', async () => {
    const { code, stdout, stderr } = await run(['parse']);
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(path.join(FIXTURES, 'sample-digest.expected.jsonl'), 'utf8'));
    expect(stderr).toBe('arxiv-kg parse: 32 papers from 32 entries in 1 file; 0 skipped, 0 warnings, 0 notices\n');
  });

  it('warns and exits 0 on damaged input, exits 1 with --strict', async () => {
    const broken = path.join(FIXTURES, 'broken-digest.md');
    const lenient = await run(['parse', broken]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout.trim().split('\n')).toHaveLength(4);
    expect(lenient.stderr).toContain(`${broken}:26: paper heading has no link to the paper; entry skipped`);
    expect(lenient.stderr).toMatch(/4 papers from 4 entries in 1 file; 1 skipped, 4 warnings, 1 notice \(--verbose lists them\)\n$/);
    const strict = await run(['parse', '--strict', broken]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(lenient.stdout);
  });

  it('lists notices only with --verbose', async () => {
    const broken = path.join(FIXTURES, 'broken-digest.md');
    const notice = `${broken}:41: author names "Jose Garcia" and "José Garcia" differ only in diacritics`;
    expect((await run(['parse', broken])).stderr).not.toContain(notice);
    expect((await run(['parse', '--verbose', broken])).stderr).toContain(notice);
  });

  it('exits 2 when nothing readable was found', async () => {
    const { code, stdout, stderr } = await run(['parse', path.join(FIXTURES, 'does-not-exist.md')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('does-not-exist.md: cannot read it (ENOENT');
    expect(stderr).toContain('no paper entries were found');
  });

  it('exits 2 on a usage error and says how to get help', async () => {
    const { code, stderr } = await run(['parse', '--no-such-option']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--no-such-option'");
    expect(stderr).toContain('--help');
  });

  it('teaches in --help: inputs, output fields, examples and exit codes', async () => {
    const { code, stdout } = await run(['parse', '--help']);
    expect(code).toBe(0);
    for (const text of ['[inputs...]', '--strict', 'JSON', 'sources', 'Examples:', 'Exit codes:']) expect(stdout).toContain(text);
  });

  it('shows progress on a terminal, and not with --quiet', async () => {
    const both = await runCli(['parse', path.join(FIXTURES, 'broken-digest.md'), path.join(ROOT, 'samples')], { interactive: true });
    expect(both.stderr).toContain('parse: reading digests 2/2 files');
    const quiet = await runCli(['parse', '--quiet', path.join(ROOT, 'samples')], { interactive: true });
    expect(quiet.stderr).toBe('');
  });

  it('reads standard input', async () => {
    const { code, stdout } = await run(['parse', '-'], '### [A](https://arxiv.org/abs/2601.00001)\n*X Y*\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      id: '2601.00001',
      url: 'https://arxiv.org/abs/2601.00001',
      title: 'A',
      authors: ['X Y'],
      sources: [{ file: '<stdin>', line: 1 }],
    });
  });

  it('runs as `npx arxiv-kg` from the built package', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'arxiv-kg', 'parse', '--quiet'], { cwd: ROOT });
    expect(stdout.trim().split('\n')).toHaveLength(32);
  });
});
