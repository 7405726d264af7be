import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Store } from 'oxigraph';

/** Media types oxigraph loads, by file extension. */
const RDF_MEDIA_TYPES: Record<string, string> = {
  '.ttl': 'text/turtle',
  '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
  '.trig': 'application/trig',
};

export const RESULT_FORMATS = ['table', 'json', 'csv', 'tsv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** The W3C SPARQL results formats by name, as oxigraph writes them. */
const SPARQL_RESULTS: Record<Exclude<ResultFormat, 'table'>, string> = {
  json: 'application/sparql-results+json',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

/** Load RDF files (by extension: .ttl .nt .nq .trig) into an in-memory oxigraph store. */
export async function loadStore(files: readonly string[]): Promise<Store> {
  const store = new Store();
  for (const file of files) {
    const format = RDF_MEDIA_TYPES[path.extname(file).toLowerCase()];
    if (format === undefined) {
      throw new Error(`${file}: not an RDF file arxiv-kg writes (${Object.keys(RDF_MEDIA_TYPES).join(', ')})`);
    }
    try {
      store.load(await readFile(file, 'utf8'), { format });
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return store;
}

interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>[] };
  boolean?: boolean;
}

/** A results table for people: one column per variable, literals as their text, IRIs in <>. */
function table(json: JsonResults): string {
  if (json.boolean !== undefined) return `${json.boolean}\n`;
  const vars = json.head.vars ?? [];
  const rows = (json.results?.bindings ?? []).map((b) =>
    vars.map((v) => {
      const cell = b[v];
      if (!cell) return '';
      return cell.type === 'uri' ? `<${cell.value}>` : cell.value.replace(/\s+/g, ' ');
    }),
  );
  const widths = vars.map((v, i) => Math.min(60, Math.max(v.length, ...rows.map((r) => (r[i] as string).length))));
  const fit = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const line = (cells: string[]): string => cells.map((c, i) => fit(c, widths[i] as number)).join('  ').trimEnd();
  return [line(vars), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
}

/**
 * Answer a SPARQL query over the store, the default graph being the union of all graphs (so queries
 * need no GRAPH clause). SELECT and ASK come back as a table or a W3C results format; CONSTRUCT and
 * DESCRIBE as N-Triples.
 */
export function runQuery(store: Store, query: string, format: ResultFormat): string {
  const ask = (mediaType: string): string =>
    store.query(query, { use_default_graph_as_union: true, results_format: mediaType }) as string;
  try {
    if (format === 'table') return table(JSON.parse(ask(SPARQL_RESULTS.json)) as JsonResults);
    return `${ask(SPARQL_RESULTS[format]).replace(/\n$/, '')}\n`;
  } catch (error) {
    // oxigraph refuses a results format for a graph result: CONSTRUCT or DESCRIBE.
    if (String(error).includes('Not supported RDF format')) return ask('application/n-triples');
    throw error;
  }
}
