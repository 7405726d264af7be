import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataFactory, Parser, Writer, type Quad } from 'n3';

/**
 * Upload an export to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces a
 * graph, POST adds to it. Triples (.ttl, .nt) go in one request to `--graph` (or the store's default
 * graph); quads (.nq, .trig) in one request per named graph, so each digest's graph can be replaced
 * alone. Credentials come only from the environment, never from the command line.
 */

export interface PushOptions {
  readonly endpoint: string;
  /** Target graph for a triples file; undefined means the store's default graph. */
  readonly graph?: string;
  readonly replace: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly onRequest?: (method: string, graph: string | undefined, statements: number) => void;
}

export interface PushResult {
  readonly requests: number;
  readonly statements: number;
}

export class PushError extends Error {}

const TRIPLES: Record<string, string> = { '.ttl': 'text/turtle', '.nt': 'application/n-triples' };
const QUADS: Record<string, string> = { '.nq': 'N-Quads', '.trig': 'TriG' };

/** `ARXIV_KG_TOKEN` (bearer) or `ARXIV_KG_USER` + `ARXIV_KG_PASSWORD` (basic). */
function authorization(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.ARXIV_KG_TOKEN) return { authorization: `Bearer ${env.ARXIV_KG_TOKEN}` };
  if (env.ARXIV_KG_USER) {
    const pair = `${env.ARXIV_KG_USER}:${env.ARXIV_KG_PASSWORD ?? ''}`;
    return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
  }
  return {};
}

/** `endpoint?graph=<IRI>`, or `endpoint?default` for the store's default graph. */
function targetUrl(endpoint: string, graph: string | undefined): string {
  const query = graph === undefined ? 'default' : `graph=${encodeURIComponent(graph)}`;
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
}

async function send(options: PushOptions, graph: string | undefined, contentType: string, body: string, statements: number): Promise<void> {
  const method = options.replace ? 'PUT' : 'POST';
  options.onRequest?.(method, graph, statements);
  let response: Response;
  try {
    response = await fetch(targetUrl(options.endpoint, graph), {
      method,
      headers: { 'content-type': `${contentType}; charset=utf-8`, ...authorization(options.env) },
      body,
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? String(error);
    throw new PushError(`${method} ${options.endpoint} failed: ${cause}`);
  }
  if (!response.ok) {
    const answer = (await response.text()).trim().slice(0, 2000);
    throw new PushError(`${method} ${targetUrl(options.endpoint, graph)} answered ${response.status} ${response.statusText}${answer ? `:\n${answer}` : ''}`);
  }
}

export async function pushFile(file: string, options: PushOptions): Promise<PushResult> {
  const extension = path.extname(file).toLowerCase();
  const text = await readFile(file, 'utf8');
  const triples = TRIPLES[extension];
  if (triples !== undefined) {
    const statements = new Parser({ format: triples === 'text/turtle' ? 'Turtle' : 'N-Triples' }).parse(text).length;
    await send(options, options.graph, triples, text, statements);
    return { requests: 1, statements };
  }
  const format = QUADS[extension];
  if (format === undefined) throw new PushError(`${file}: push takes .ttl, .nt, .nq or .trig`);
  const byGraph = new Map<string, Quad[]>();
  for (const q of new Parser({ format }).parse(text)) {
    const list = byGraph.get(q.graph.value);
    if (list) list.push(q);
    else byGraph.set(q.graph.value, [q]);
  }
  let statements = 0;
  for (const [graph, quads] of byGraph) {
    const writer = new Writer({ format: 'N-Triples' });
    const body = writer.quadsToString(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
    await send(options, graph === '' ? options.graph : graph, 'application/n-triples', body, quads.length);
    statements += quads.length;
  }
  return { requests: byGraph.size, statements };
}
