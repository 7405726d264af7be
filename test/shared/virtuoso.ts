import { spawn, execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A free TCP port on the loopback address. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Virtuoso {
  /** The SPARQL query endpoint. */
  readonly sparql: string;
  /** The SPARQL 1.1 Graph Store endpoint (unauthenticated, writable). */
  readonly graphStore: string;
  /** Runs SQL (and Virtuoso's procedures: ld_dir, rdf_loader_run) as dba; resolves to what isql printed. */
  isql(sql: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A throwaway Virtuoso (Debian's virtuoso-opensource) on loopback ports, with a fresh database in a
 * temporary folder, its graph-store endpoint opened for writing. As ../shared/tools/virtuoso_load.sh
 * starts it; stop() shuts it down and removes the folder.
 */
export async function startVirtuoso(): Promise<Virtuoso> {
  const work = await mkdtemp(path.join(tmpdir(), 'arxiv-kg-virtuoso-'));
  await mkdir(path.join(work, 'db'));
  await mkdir(path.join(work, 'vsp'));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  const ini = path.join(work, 'virtuoso.ini');
  await writeFile(
    ini,
    `[Database]
DatabaseFile = ${work}/db/virtuoso.db
ErrorLogFile = ${work}/db/virtuoso.log
LockFile = ${work}/db/virtuoso.lck
TransactionFile = ${work}/db/virtuoso.trx
xa_persistent_file = ${work}/db/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = ${work}/db/virtuoso-temp.db
TransactionFile = ${work}/db/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., ${tmpdir()}
NumberOfBuffers = 100000
MaxDirtyBuffers = 60000
[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${work}/vsp
ServerThreads = 4
EnabledDavVSP = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
`,
  );
  const server = spawn('virtuoso-t', ['+configfile', ini, '+foreground'], { cwd: path.join(work, 'db'), stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const isql = async (sql: string): Promise<string> => (await run('isql-vt', [`127.0.0.1:${sqlPort}`, 'dba', 'dba', `exec=${sql}`])).stdout;
  const stop = async (): Promise<void> => {
    await isql('shutdown;').catch(() => undefined);
    const timeout = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timeout);
    await rm(work, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await isql('select 1;');
      break;
    } catch (error) {
      if (attempt > 240 || server.exitCode !== null) {
        await stop();
        throw new Error(`Virtuoso did not start on 127.0.0.1:${sqlPort}: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await isql('grant SPARQL_UPDATE to "SPARQL";');
  const http = `http://127.0.0.1:${httpPort}`;
  return { sparql: `${http}/sparql`, graphStore: `${http}/sparql-graph-crud`, isql, stop };
}
