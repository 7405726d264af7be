import type { AbstractGraph, Attributes } from 'graphology-types';
import type { TextSink } from './outputFiles.js';

/**
 * GEXF 1.3, streamed: `x`, `y`, `size` and `color` become viz attributes, so Gephi opens the map as
 * drawn. The file is the one graphology-gexf's writer makes (version 1.3, pretty; its 1.2 viz
 * namespace URI is misspelt and Gephi would not find the drawing), written element by element: that
 * writer builds the whole document as one string, which at 100k papers outgrows what a JavaScript
 * string can hold. The attribute model is inferred in a first pass over the graph, as it does.
 */

/** Attribute names GEXF keeps in its own viz namespace, not as data. */
const VIZ = new Set(['color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);

/** GEXF value types, most general first: a column takes the most general type any value needs. */
const PRIORITY = ['liststring', 'listdouble', 'listlong', 'listinteger', 'listboolean', 'string', 'double', 'long', 'integer', 'boolean', 'empty'] as const;
type ValueType = (typeof PRIORITY)[number];

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));

function scalarType(value: unknown): ValueType {
  if (isEmpty(value)) return 'empty';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

function valueType(value: unknown): ValueType {
  if (!Array.isArray(value)) return scalarType(value);
  let type: ValueType = 'empty';
  for (const item of value) {
    const t = scalarType(item);
    if (PRIORITY.indexOf(t) < PRIORITY.indexOf(type)) type = t;
  }
  return type === 'empty' ? 'empty' : (`list${type}` as ValueType);
}

/** Whether an attribute is element data (an attvalue) rather than the label, the weight, the kind or viz. */
function isData(name: string, element: 'node' | 'edge'): boolean {
  return name !== 'label' && !VIZ.has(name) && !(element === 'edge' && (name === 'weight' || name === 'kind'));
}

/** Each data attribute's type over every element, in the order the names first carry a value. */
function inferModel(each: (visit: (attributes: Attributes) => void) => void, element: 'node' | 'edge'): Map<string, ValueType> {
  const model = new Map<string, ValueType>();
  each((attributes) => {
    for (const name in attributes) {
      if (!isData(name, element)) continue;
      const type = valueType(attributes[name]);
      if (type === 'empty') continue;
      const current = model.get(name);
      if (current === undefined || PRIORITY.indexOf(type) < PRIORITY.indexOf(current)) model.set(name, type);
    }
  });
  return model;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };
const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;
const EVERY_ATTRIBUTE_SPECIAL = new RegExp(ATTRIBUTE_SPECIAL.source, 'g');

// Most values hold nothing to escape, and a test is cheaper than a replace that finds nothing. One
// scan per value (abstracts are long): six chained replaces cost six.
function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(EVERY_ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c] as string) : value;
}

function listItem(type: string, value: unknown): string {
  if (type !== 'string' || /[\r\t\n]/.test(String(value))) return JSON.stringify(value);
  const text = String(value);
  if (!text.includes("'")) return text.includes('"') ? `'${text}'` : text;
  return JSON.stringify(text);
}

/** An attvalue as GEXF 1.3 writes it: lists as "[a, b]". */
function cast(type: ValueType, value: unknown): string {
  if (!type.startsWith('list')) return String(value);
  const items = Array.isArray(value) ? value : [value];
  return `[${items.map((v) => listItem(type.slice(4), v)).join(', ')}]`;
}

const attribute = (name: string, value: unknown): string => ` ${name}="${escapeAttribute(String(value))}"`;

/** Whether any of an element's attributes is data (see {@link isData}). */
function hasData(attributes: Attributes, kind: 'node' | 'edge'): boolean {
  for (const name in attributes) if (isData(name, kind)) return true;
  return false;
}

/**
 * One node or edge: its opening tag's attributes given, its attvalues and viz elements as children,
 * each after a newline. Concatenated, not arrays joined: a graph has millions of elements.
 */
function element(tag: string, head: string, attributes: Attributes, model: readonly (readonly [string, ValueType])[], kind: 'node' | 'edge'): string {
  const pad = '      ';
  let children = '';
  if (model.length > 0 && hasData(attributes, kind)) {
    let values = '';
    for (const [name, type] of model) {
      if (!(name in attributes) || isEmpty(attributes[name])) continue;
      values += `\n${pad}    <attvalue${attribute('for', name)}${attribute('value', cast(type, attributes[name]))}/>`;
    }
    children += values === '' ? `\n${pad}  <attvalues/>` : `\n${pad}  <attvalues>${values}\n${pad}  </attvalues>`;
  }
  const { color, size, x, y, z, shape, thickness } = attributes as Record<string, unknown>;
  if (typeof color === 'string' && color !== '') {
    children += `\n${pad}  <viz:color${color.startsWith('#') ? attribute('hex', color) : rgba(color)}/>`;
  }
  if (size !== undefined) children += `\n${pad}  <viz:size${attribute('value', size)}/>`;
  if (x !== undefined || y !== undefined || z !== undefined) {
    const at = (name: string, v: unknown): string => (v === undefined ? '' : attribute(name, v));
    children += `\n${pad}  <viz:position${at('x', x)}${at('y', y)}${at('z', z)}/>`;
  }
  if (typeof shape === 'string' && shape !== '') children += `\n${pad}  <viz:shape${attribute('value', shape)}/>`;
  if (thickness !== undefined) children += `\n${pad}  <viz:thickness${attribute('value', thickness)}/>`;
  return children === '' ? `\n${pad}<${tag}${head}/>` : `\n${pad}<${tag}${head}>${children}\n${pad}</${tag}>`;
}

/** A CSS rgb()/rgba() colour as viz:color's r, g, b (and a) attributes. */
function rgba(color: string): string {
  const m = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/i.exec(color);
  if (!m) return '';
  return `${attribute('r', Number(m[1]))}${attribute('g', Number(m[2]))}${attribute('b', Number(m[3]))}${m[4] ? attribute('a', Number(m[4])) : ''}`;
}

function writeModel(model: ReadonlyMap<string, ValueType>, modelClass: string): string {
  if (model.size === 0) return '';
  const rows = [...model].map(([name, type]) => `\n      <attribute${attribute('id', name)}${attribute('title', name)}${attribute('type', type)}/>`);
  return `\n    <attributes${attribute('class', modelClass)}>${rows.join('')}\n    </attributes>`;
}

export async function writeGexf(graph: AbstractGraph, sink: TextSink): Promise<void> {
  const defaultEdgeType = graph.type === 'mixed' ? 'directed' : graph.type;
  const nodeModel = inferModel((visit) => graph.forEachNode((_, a) => visit(a)), 'node');
  const edgeModel = inferModel((visit) => graph.forEachEdge((_, a) => visit(a)), 'edge');
  const [nodeColumns, edgeColumns] = [[...nodeModel], [...edgeModel]];
  // The graph's one attribute, the digests read, is a list: GEXF's meta takes only plain values.
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">' +
      `\n  <meta/>\n  <graph${attribute('defaultedgetype', defaultEdgeType)}>${writeModel(nodeModel, 'node')}${writeModel(edgeModel, 'edge')}`,
  );
  await sink.write(graph.order === 0 ? '\n    <nodes/>' : '\n    <nodes>');
  // One await per flush, not per element: the graph has millions of edges at 100k papers.
  for (const { node, attributes } of graph.nodeEntries()) {
    const label = attributes.label as unknown;
    sink.append(element('node', `${attribute('id', node)}${label ? attribute('label', label) : ''}`, attributes, nodeColumns, 'node'));
    if (sink.full) await sink.flush();
  }
  if (graph.order > 0) await sink.write('\n    </nodes>');
  await sink.write(graph.size === 0 ? '\n    <edges/>' : '\n    <edges>');
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const type = undirected ? 'undirected' : 'directed';
    const { weight, kind, label } = attributes as Record<string, unknown>;
    const head =
      attribute('id', edge) +
      (type === defaultEdgeType ? '' : attribute('type', type)) +
      attribute('source', source) +
      attribute('target', target) +
      ((typeof weight === 'number' && !Number.isNaN(weight)) || typeof weight === 'string' ? attribute('weight', weight) : '') +
      (kind ? attribute('kind', kind) : '') +
      (label ? attribute('label', label) : '');
    sink.append(element('edge', head, attributes, edgeColumns, 'edge'));
    if (sink.full) await sink.flush();
  }
  if (graph.size > 0) await sink.write('\n    </edges>');
  await sink.write('\n  </graph>\n</gexf>');
}
