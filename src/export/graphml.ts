import type { AbstractGraph, Attributes } from 'graphology-types';
import type { TextSink } from './outputFiles.js';

/**
 * GraphML that Gephi, Cytoscape, yEd, networkx, igraph and Neo4j read with every attribute:
 * - every attribute declared once with its `attr.type` (boolean, int, long, double or string);
 * - scalars only: a list becomes a `; `-joined string plus `<name>_count`;
 * - node ids are `n0`, `n1`… (XML-safe NMTOKENs) with the graph's own key in the `key` attribute;
 * - a `#rrggbb` colour is also given as `r`, `g`, `b`, the attributes yEd and Gephi look for;
 * - edges carry `label` = their `type`, which Neo4j and Cytoscape import as the relationship type;
 * - characters XML 1.0 forbids are removed.
 * Written in one streaming pass after one pass that collects the attribute declarations.
 */

type GraphMLType = 'boolean' | 'int' | 'long' | 'double' | 'string';
type Scalar = string | number | boolean;

interface KeyDeclaration {
  readonly id: string;
  readonly name: string;
  type: GraphMLType;
  /** `<data key="…">`, made once: it opens every value of the attribute. */
  readonly open: string;
}

// XML 1.0 Char production: everything else (controls, lone surrogates, U+FFFE/F) is removed.
const XML_ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * What either replacement would change, and astral characters (surrogate pairs, which are legal but
 * this test, without the `u` flag, cannot tell from lone surrogates). Most values hold none of it:
 * one scan finds them, where two replacements scanned every value.
 */
const MAY_CHANGE = /[&<>"]|[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/;

export function xmlText(text: string): string {
  if (!MAY_CHANGE.test(text)) return text;
  return text.replace(XML_ILLEGAL, '').replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

function typeOf(value: Scalar): GraphMLType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Number.isInteger(value)) return 'double';
  return Math.abs(value) < 2 ** 31 ? 'int' : 'long';
}

const NUMERIC_RANK: Partial<Record<GraphMLType, number>> = { int: 0, long: 1, double: 2 };

/** The type that holds values of both types: int < long < double; anything else mixed is a string. */
function widen(a: GraphMLType, b: GraphMLType): GraphMLType {
  if (a === b) return a;
  const ra = NUMERIC_RANK[a];
  const rb = NUMERIC_RANK[b];
  return ra !== undefined && rb !== undefined ? (ra > rb ? a : b) : 'string';
}

/**
 * Calls `visit` with each scalar written for one element's attributes, in attribute order. A visitor,
 * not an array of pairs: at 100k papers the co-author view alone has millions of edges.
 */
function forEachScalar(attributes: Attributes, visit: (name: string, value: Scalar) => void): void {
  for (const name in attributes) {
    const value: unknown = attributes[name];
    if (Array.isArray(value)) {
      visit(name, value.join('; '));
      visit(`${name}_count`, value.length);
    } else if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      visit(name, value);
      if (name === 'color' && typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) {
        visit('r', parseInt(value.slice(1, 3), 16));
        visit('g', parseInt(value.slice(3, 5), 16));
        visit('b', parseInt(value.slice(5, 7), 16));
      }
    }
  }
}

function format(value: Scalar): string {
  return typeof value === 'string' ? xmlText(value) : String(value);
}

class KeyTable {
  readonly declarations: KeyDeclaration[] = [];
  private readonly byName = new Map<string, KeyDeclaration>();

  constructor(private readonly prefix: 'd' | 'e') {}

  readonly see = (name: string, value: Scalar): void => {
    const known = this.byName.get(name);
    if (known) {
      known.type = widen(known.type, typeOf(value));
      return;
    }
    const id = `${this.prefix}${this.declarations.length}`;
    const declaration = { id, name, type: typeOf(value), open: `<data key="${id}">` };
    this.declarations.push(declaration);
    this.byName.set(name, declaration);
  };

  /** One `<data>` element of the attribute `name`, which must have been seen. */
  data(name: string, value: Scalar): string {
    const declaration = this.byName.get(name);
    if (declaration === undefined) throw new Error(`GraphML: attribute "${name}" appeared after the attribute declarations were written`);
    return `${declaration.open}${format(value)}</data>`;
  }
}

export async function writeGraphML(graph: AbstractGraph, sink: TextSink): Promise<void> {
  const nodeKeys = new KeyTable('d');
  const edgeKeys = new KeyTable('e');
  // Every node's own key comes first, as `key`; every edge's type first, as `label`.
  graph.forEachNode((node, a) => {
    nodeKeys.see('key', node);
    forEachScalar(a, nodeKeys.see);
  });
  graph.forEachEdge((_, a) => {
    if (typeof a.type === 'string') edgeKeys.see('label', a.type);
    forEachScalar(a, edgeKeys.see);
  });

  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const [domain, table] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of table.declarations) {
      await sink.write(`  <key id="${k.id}" for="${domain}" attr.name="${xmlText(k.name)}" attr.type="${k.type}"/>\n`);
    }
  }
  const edgedefault = graph.type === 'undirected' ? 'undirected' : 'directed';
  await sink.write(`  <graph id="G" edgedefault="${edgedefault}">\n`);

  // Entries hand over each element's attributes and ends: no lookup by key per element. One await
  // per flush, not per element: at 100k papers the co-author view alone has millions of edges.
  const ids = new Map<string, string>();
  for (const { node, attributes } of graph.nodeEntries()) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    let xml = `    <node id="${id}">${nodeKeys.data('key', node)}`;
    forEachScalar(attributes, (name, value) => (xml += nodeKeys.data(name, value)));
    sink.append(`${xml}</node>\n`);
    if (sink.full) await sink.flush();
  }
  for (const { source, target, attributes } of graph.edgeEntries()) {
    let xml = `    <edge source="${ids.get(source) as string}" target="${ids.get(target) as string}">`;
    if (typeof attributes.type === 'string') xml += edgeKeys.data('label', attributes.type);
    forEachScalar(attributes, (name, value) => (xml += edgeKeys.data(name, value)));
    sink.append(`${xml}</edge>\n`);
    if (sink.full) await sink.flush();
  }
  await sink.write('  </graph>\n</graphml>\n');
}
