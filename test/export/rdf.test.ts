import type * as RDF from '@rdfjs/types';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analyse/analyseGraph.js';
import { EXPORTERS, exportOutputs, type ExportContext } from '../../src/export/formats.js';
import { writeOutputs, type TextSink } from '../../src/export/outputFiles.js';
import { exportQuads, languageOf } from '../../src/export/rdf/quads.js';
import { RDF_FORMATS, writeRdf, writeRdfTogether, type RdfFormat } from '../../src/export/rdf/rdf.js';
import { snapshotRdfSource, type RdfSource } from '../../src/export/rdf/snapshot.js';
import { iriSegment, minter, paperIri } from '../../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import type { PaperRecord } from '../../src/read/types.js';
import { drawnAnalysis } from '../helpers/drawnAnalysis.js';
import { tempDir } from '../helpers/tempDir.js';
import { workerThreads } from '../helpers/workerThreads.js';

const BASE = 'https://example.org/kg/';
const HOSTILE = 'Quote " backslash \\ gt > lt < amp & tab\tnewline\nbell\u0007 nul\u0000 emoji 😀 中文';

async function source(): Promise<RdfSource & ExportContext> {
  const taxonomy = loadTaxonomy();
  const records: PaperRecord[] = [
    {
      id: '2601.00001',
      url: 'https://arxiv.org/abs/2601.00001',
      title: `A "title" with <markup> & ${HOSTILE}`,
      authors: ['José > Garcia', 'Ann "Q" Lee', 'Back\\Slash Name'],
      categories: ['cs.CL', 'Agent Sec'],
      keywords: ['speech', 'audio'],
      tldr: '这是一个中文摘要。',
      abstract: HOSTILE,
      sources: [{ file: 'a b/2026-01-02 digest.md', line: 3 }, { file: 'c.md', line: 9 }],
    },
    {
      id: 'doi:10.1088/x y',
      url: 'https://doi.org/10.1088/x y',
      title: 'A journal paper',
      authors: ['Ann "Q" Lee'],
      sources: [{ file: 'c.md', line: 20 }],
    },
  ];
  const { graph } = await buildKnowledgeGraph(records, {
    taxonomy,
    digests: [{ file: 'a b/2026-01-02 digest.md', date: '2026-01-02' }, { file: 'c.md' }],
    spellings: new Map([['Ann "Q" Lee', ['Ann "Q" Lee', 'ann "q" lee']]]),
  });
  return { analysis: await analyseGraph(graph), taxonomy, base: BASE };
}

/** A term as one string: a literal with its language and datatype. */
const termKey = (t: RDF.Term): string => (t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType} ${t.value}`);
const key = (q: RDF.Quad): string => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(' ');

async function written(format: RdfFormat): Promise<string> {
  const dir = await tempDir('arxiv-kg-rdf-');
  const s = await source();
  await writeOutputs(dir, new Map([['out', (sink) => writeRdf(s, format, sink)]]));
  return readFile(path.join(dir, 'out'), 'utf8');
}

describe('minted IRIs', () => {
  it('percent-encode what an IRI forbids and keep Unicode', () => {
    expect(iriSegment('josé garcia')).toBe('jos\u00e9%20garcia');
    expect(iriSegment('a/b#c?d%e<f>"g\\h|i^j`k{l}m[n]')).toBe('a%2Fb%23c%3Fd%25e%3Cf%3E%22g%5Ch%7Ci%5Ej%60k%7Bl%7Dm%5Bn%5D');
    expect(minter(BASE).person('ann lee')).toBe('https://example.org/kg/person/ann%20lee');
    expect(minter(BASE).authorship('astro-ph/9605151', 2)).toBe('https://example.org/kg/authorship/astro-ph%2F9605151/2');
    expect(paperIri('https://doi.org/10.1088/x y')).toBe('https://doi.org/10.1088/x%20y');
  });

  it('tag Chinese text zh and the rest en', () => {
    expect(languageOf('该论文提出了一种方法 MIMO')).toBe('zh');
    expect(languageOf('A method for MIMO (多输入多输出)')).toBe('en');
  });
});

describe('exportQuads', () => {
  it('puts each digest in its own named graph, with its provenance, and the union has no repeats', async () => {
    const s = await source();
    const named = [...exportQuads(snapshotRdfSource(s), true)].flat();
    const graphs = new Set(named.map((q) => q.graph.value));
    expect([...graphs]).toEqual([
      'https://example.org/kg/graph/digest/a%20b%2F2026-01-02%20digest.md',
      'https://example.org/kg/graph/digest/c.md',
      'https://example.org/kg/graph/taxonomy',
      'https://example.org/kg/graph/analysis',
    ]);
    expect(new Set(named.map(key)).size).toBe(named.length);
    const union = [...exportQuads(snapshotRdfSource(s), false)].flat();
    expect(union.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    expect(new Set(union.map(key)).size).toBe(union.length);
    // The paper listed by both digests is in both graphs, once in the union.
    const titles = named.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/title' && q.subject.value === 'https://arxiv.org/abs/2601.00001');
    expect(titles.map((q) => q.graph.value)).toHaveLength(2);
    expect(named.some((q) => q.predicate.value === 'http://purl.org/dc/terms/date' && q.object.value === '2026-01-02')).toBe(true);
    expect(named.some((q) => q.predicate.value === 'http://www.w3.org/2004/02/skos/core#altLabel' && q.object.value === 'ann "q" lee')).toBe(true);
    expect(named.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toEqual([]);
  });

  it.each(Object.keys(RDF_FORMATS) as RdfFormat[])('writes %s that parses back to the same statements, hostile text included', async (format) => {
    const text = await written(format);
    const { namedGraphs } = RDF_FORMATS[format];
    const parsed = new Parser({ format: RDF_FORMATS[format].n3 }).parse(text);
    const expected = [...exportQuads(snapshotRdfSource(await source()), namedGraphs)].flat();
    expect(new Set(parsed.map(key))).toEqual(new Set(expected.map(key)));
    expect(parsed).toHaveLength(expected.length);
  });

  it('writes every RDF format chosen on one worker thread, each byte for byte as written apart here, and lets the thread go', async () => {
    const dir = await tempDir('arxiv-kg-rdf-');
    const outputs = exportOutputs(EXPORTERS.filter((e) => e.format in RDF_FORMATS), await source());
    const formats = Object.keys(RDF_FORMATS) as RdfFormat[];
    expect(new Set(formats.map((format) => outputs.get(RDF_FORMATS[format].file))).size).toBe(1);
    const before = workerThreads();
    let whileWritingHere = before;
    // A file written on this thread meanwhile sees the worker running.
    outputs.set('here.txt', async (sink) => {
      whileWritingHere = workerThreads();
      await sink.write('here');
    });
    await writeOutputs(dir, outputs);
    expect(whileWritingHere).toBe(before + 1);
    expect(workerThreads()).toBe(before);
    for (const format of formats) {
      expect(await readFile(path.join(dir, RDF_FORMATS[format].file), 'utf8')).toBe(await written(format));
    }
  });

  it('fails with the error met on the worker thread, and lets the thread go', async () => {
    const outputs = exportOutputs(EXPORTERS.filter((e) => e.format === 'ttl' || e.format === 'nt'), await source());
    const output = outputs.get('graph.ttl');
    if (output === undefined || typeof output === 'function' || !('start' in output)) throw new Error('expected a detached output');
    const dir = await tempDir('arxiv-kg-rdf-');
    const before = workerThreads();
    const missing = path.join(dir, 'no such folder', 'graph.ttl.tmp');
    await expect(output.start([[missing, 'file', path.join(dir, 'graph.ttl')], [path.join(dir, 'graph.nt.tmp'), 'file', path.join(dir, 'graph.nt')]], () => {}, new AbortController().signal)).rejects.toThrow(
      /ENOENT.*no such folder/,
    );
    expect(workerThreads()).toBe(before);
  });

  it('stops the worker thread when a file written here fails: no RDF file is finished, none is left, the thread is let go', async () => {
    const dir = await tempDir('arxiv-kg-rdf-');
    const outputs = exportOutputs(EXPORTERS.filter((e) => e.format in RDF_FORMATS), await source());
    outputs.set('here.txt', () => Promise.reject(new Error('disk full')));
    const before = workerThreads();
    const told: string[] = [];
    // Left to run, the thread would finish the sample's every RDF file and tell each.
    await expect(writeOutputs(dir, outputs, (name) => told.push(name))).rejects.toThrow('disk full');
    expect(told).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    expect(workerThreads()).toBe(before);
  });

  it('makes the same statements from a copy of its snapshot, as a worker thread is sent it', async () => {
    const sample = await drawnAnalysis();
    for (const s of [await source(), { analysis: sample, taxonomy: loadTaxonomy(), base: BASE }]) {
      const snapshot = snapshotRdfSource(s);
      // structuredClone copies as postMessage does: a class instance or a function in the snapshot would not survive.
      const copy = structuredClone(snapshot);
      for (const namedGraphs of [true, false]) {
        expect([...exportQuads(copy, namedGraphs)].flat().map(key)).toEqual([...exportQuads(snapshot, namedGraphs)].flat().map(key));
      }
    }
  });

  it('refuses to write in one pass formats that hold different statements', async () => {
    const sink: TextSink = { write: async () => {}, append: () => {}, full: false, flush: async () => {} };
    await expect(writeRdfTogether(snapshotRdfSource(await source()), new Map([['ttl', sink], ['nq', sink]]))).rejects.toThrow('cannot write ttl and nq in one pass');
  });
});
