import { Writer } from 'n3';
import type { TextSink } from '../outputFiles.js';
import { exportQuads, type RdfSource } from './quads.js';
import { NS } from './vocabulary.js';

export const RDF_FORMATS = {
  ttl: { file: 'graph.ttl', n3: 'Turtle', namedGraphs: false, mediaType: 'text/turtle' },
  nt: { file: 'graph.nt', n3: 'N-Triples', namedGraphs: false, mediaType: 'application/n-triples' },
  nq: { file: 'graph.nq', n3: 'N-Quads', namedGraphs: true, mediaType: 'application/n-quads' },
  trig: { file: 'graph.trig', n3: 'TriG', namedGraphs: true, mediaType: 'application/trig' },
} as const;
export type RdfFormat = keyof typeof RDF_FORMATS;

/**
 * Serialise the export with n3's writer, streamed: n3 writes into the sink as quads arrive, and the
 * sink is flushed (waiting for the disk) every 64 KiB, so neither the quads nor the text are ever
 * held whole.
 */
export function writeRdf(source: RdfSource, format: RdfFormat, sink: TextSink): Promise<void> {
  return writeRdfTogether(source, new Map([[format, sink]]));
}

/**
 * Several formats of the same statements (Turtle and N-Triples; N-Quads and TriG) from one walk over
 * the graph, each quad handed to every format's writer in turn.
 */
export async function writeRdfTogether(source: RdfSource, sinks: ReadonlyMap<RdfFormat, TextSink>): Promise<void> {
  const formats = [...sinks.keys()];
  const namedGraphs = new Set(formats.map((format) => RDF_FORMATS[format].namedGraphs));
  if (namedGraphs.size !== 1) throw new Error(`cannot write ${formats.join(' and ')} in one pass: they hold different statements`);
  const writers = formats.map((format) => {
    const { n3 } = RDF_FORMATS[format];
    const sink = sinks.get(format) as TextSink;
    const prefixes = n3 === 'Turtle' || n3 === 'TriG' ? { ...NS } : {};
    return { sink, writer: new Writer({ write: (text: string) => sink.append(text), end: () => {} }, { format: n3, prefixes, end: false }) };
  });
  for (const batch of exportQuads(source, [...namedGraphs][0] as boolean)) {
    for (const { sink, writer } of writers) {
      for (const q of batch) writer.addQuad(q);
      if (sink.full) await sink.flush();
    }
  }
  for (const { writer } of writers) {
    await new Promise<void>((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve())));
  }
}
