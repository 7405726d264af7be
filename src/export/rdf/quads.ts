import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { NamedNode, Quad_Graph } from 'n3';
import type { NodeType } from '../../graph/buildGraph.js';
import type { RdfNode, RdfSnapshot } from './snapshot.js';
import { NS, minter, paperIri, type Minter } from './vocabulary.js';

const { namedNode, quad, defaultGraph } = DataFactory;

/**
 * The terms of one vocabulary, made once: a term made per statement was a string concatenation
 * and an object for each of tens of millions of statements, and n3 re-read every fresh string.
 */
function vocabulary<L extends string>(ns: keyof typeof NS, locals: readonly L[]): Readonly<Record<L, NamedNode>> {
  return Object.fromEntries(locals.map((local) => [local, namedNode(NS[ns] + local)])) as Record<L, NamedNode>;
}
const rdf = vocabulary('rdf', ['type']);
const rdfs = vocabulary('rdfs', ['label']);
const xsd = vocabulary('xsd', ['boolean', 'date', 'double', 'integer']);
const owl = vocabulary('owl', ['deprecated']);
const dcterms = vocabulary('dcterms', ['abstract', 'creator', 'date', 'identifier', 'rights', 'source', 'subject', 'title']);
const fabio = vocabulary('fabio', ['Preprint', 'hasPrimarySubjectTerm', 'hasSubjectTerm']);
const pro = vocabulary('pro', ['RoleInTime', 'author', 'isHeldBy', 'relatesToDocument', 'withRole']);
const schema = vocabulary('schema', ['ScholarlyArticle', 'position']);
const foaf = vocabulary('foaf', ['Person', 'name']);
const skos = vocabulary('skos', ['Concept', 'ConceptScheme', 'altLabel', 'broader', 'definition', 'exactMatch', 'inScheme', 'notation', 'prefLabel', 'topConceptOf']);
const prov = vocabulary('prov', ['Activity', 'Entity', 'wasDerivedFrom', 'wasGeneratedBy']);
const kg = vocabulary('kg', [
  'Community', 'algorithm', 'arxivComment', 'conclusion', 'digestDate', 'member', 'method', 'modularity', 'motivation',
  'resolution', 'result', 'seed', 'size', 'titleTranslation', 'tldr', 'view',
]);

const rdfLangString = namedNode(`${NS.rdf}langString`);
const xsdString = namedNode(`${NS.xsd}string`);

/**
 * A literal that keeps its value, language and datatype as fields. n3's own literal holds one string,
 * `"text"@lang`, and finds each part by scanning it from the end on every read; its writer reads
 * each literal's value, language and direction once per format, and paper texts run to kilobytes:
 * in a profile of both RDF passes at 100k papers those reads took about 3 s of 38 (README, Scale).
 */
class FieldLiteral implements RDF.Literal {
  readonly termType = 'Literal';
  readonly direction = '';
  constructor(
    readonly value: string,
    readonly language: string,
    readonly datatype: NamedNode,
  ) {}

  equals(other: RDF.Term | null | undefined): boolean {
    return (
      other?.termType === 'Literal' &&
      other.value === this.value &&
      other.language === this.language &&
      (other.direction ?? '') === this.direction &&
      other.datatype.equals(this.datatype)
    );
  }
}

/** A literal as n3's `literal` takes it: a language tag, a datatype, or neither (a plain string). */
function literal(value: string, languageOrDatatype?: string | NamedNode): RDF.Literal {
  if (languageOrDatatype === undefined) return new FieldLiteral(value, '', xsdString);
  if (typeof languageOrDatatype === 'string') return new FieldLiteral(value, languageOrDatatype.toLowerCase(), rdfLangString);
  return new FieldLiteral(value, '', languageOrDatatype);
}

/** `zh` where most letters are Han (the generated fields of Chinese-language digests), else `en`. */
export function languageOf(text: string): 'zh' | 'en' {
  // Most fields hold no Han character at all: one scan says so without counting letters.
  if (!/\p{Script=Han}/u.test(text)) return 'en';
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters > 0 && han / letters > 0.3 ? 'zh' : 'en';
}

const tagged = (text: string): RDF.Literal => literal(text, languageOf(text));
const integer = (n: number): RDF.Literal => literal(String(n), xsd.integer);
const double = (n: number): RDF.Literal => literal(String(n), xsd.double);

/** Paper text fields and the predicates they are written with, in order. */
const PAPER_TEXT: readonly [attribute: string, predicate: NamedNode][] = [
  ['title', dcterms.title],
  ['title_translation', kg.titleTranslation],
  ['abstract', dcterms.abstract],
  ['tldr', kg.tldr],
  ['motivation', kg.motivation],
  ['method', kg.method],
  ['result', kg.result],
  ['conclusion', kg.conclusion],
  ['comment', kg.arxivComment],
];

/**
 * The node attributes the statements read, by node type (besides `type`): the snapshot they are
 * made from keeps these and no others (see `snapshot.ts`).
 */
export const STATEMENT_ATTRIBUTES: Readonly<Record<NodeType, readonly string[]>> = {
  paper: ['paper_id', 'url', 'date', 'sources', ...PAPER_TEXT.map(([attribute]) => attribute)],
  author: ['label', 'other_spellings'],
  category: ['label', 'in_taxonomy', 'community'],
  keyword: ['label', 'variants'],
};

/** The IRI of a node of the knowledge graph, whatever its type. */
function nodeIri(iris: Minter, { key, attributes }: RdfNode): string {
  const local = key.slice(key.indexOf(':') + 1);
  switch (attributes.type) {
    case 'paper':
      return paperIri(attributes.url as string);
    case 'author':
      return iris.person(local);
    case 'category':
      return iris.category(local);
    case 'keyword':
      return iris.keyword(local);
  }
}

/** The IRIs one export mints: a node's is made once, as people and keywords are named in many statements. */
interface Names {
  readonly iris: Minter;
  node(node: RdfNode): NamedNode;
}

function nameNodes(base: string): Names {
  const iris = minter(base);
  const made = new Map<RdfNode, NamedNode>();
  return {
    iris,
    node(node) {
      let term = made.get(node);
      if (term === undefined) {
        term = namedNode(nodeIri(iris, node));
        made.set(node, term);
      }
      return term;
    },
  };
}

/** A paper's authors, categories or keywords, from their indexes. */
function linked(nodes: readonly RdfNode[], indexes: readonly number[] | undefined): RdfNode[] {
  return (indexes ?? []).map((index) => nodes[index] as RdfNode);
}

/**
 * Everything a digest says about one paper: the paper, its authorships, the people, its subjects.
 * `seen` keeps what a graph already holds (people, custom section concepts) from being repeated.
 */
function paperQuads(
  out: QuadBatch,
  nodes: readonly RdfNode[],
  names: Names,
  paper: RdfNode,
  g: Quad_Graph,
  seen: Set<string>,
): void {
  const a = paper.attributes;
  const p = names.node(paper);
  const id = a.paper_id as string;
  if (a.url === `https://arxiv.org/abs/${id}`) out.push(quad(p, rdf.type, fabio.Preprint, g));
  out.push(quad(p, rdf.type, schema.ScholarlyArticle, g));
  out.push(quad(p, dcterms.identifier, literal(id), g));
  for (const [attribute, predicate] of PAPER_TEXT) {
    const text = a[attribute];
    if (typeof text === 'string') out.push(quad(p, predicate, tagged(text), g));
  }
  if (typeof a.date === 'string') out.push(quad(p, kg.digestDate, literal(a.date, xsd.date), g));

  for (const [index, category] of linked(nodes, paper.categories).entries()) {
    const c = names.node(category);
    out.push(quad(p, index === 0 ? fabio.hasPrimarySubjectTerm : fabio.hasSubjectTerm, c, g));
    out.push(quad(p, dcterms.subject, c, g));
    const ca = category.attributes;
    if (ca.in_taxonomy !== true && !seen.has(c.value)) {
      // A digest's own section name: a concept of its own scheme, not of arXiv's taxonomy.
      seen.add(c.value);
      out.push(quad(c, rdf.type, skos.Concept, g));
      out.push(quad(c, skos.inScheme, namedNode(names.iris.sectionScheme), g));
      out.push(quad(c, skos.prefLabel, literal(ca.label), g));
    }
  }

  // Creators with the paper's other statements first (Turtle groups them), then the authorships.
  const authors = linked(nodes, paper.authors);
  for (const author of authors) out.push(quad(p, dcterms.creator, names.node(author), g));
  for (const [index, author] of authors.entries()) {
    const aa = author.attributes;
    const person = names.node(author);
    const role = namedNode(names.iris.authorship(id, index + 1));
    out.push(quad(role, rdf.type, pro.RoleInTime, g));
    out.push(quad(role, pro.withRole, pro.author, g));
    out.push(quad(role, pro.isHeldBy, person, g));
    out.push(quad(role, pro.relatesToDocument, p, g));
    out.push(quad(role, schema.position, integer(index + 1), g));
    out.push(quad(role, rdfs.label, literal(aa.label), g));
    if (!seen.has(person.value)) {
      seen.add(person.value);
      out.push(quad(person, rdf.type, foaf.Person, g));
      out.push(quad(person, foaf.name, literal(aa.label), g));
      for (const other of (aa.other_spellings as readonly string[] | undefined) ?? []) {
        out.push(quad(person, skos.altLabel, literal(other), g));
      }
    }
  }
}

/**
 * Quads gathered a few hundred at a time: a generator step for each quad cost more than n3's
 * writing of it, while a batch still keeps the stream's memory bounded.
 */
class QuadBatch {
  private quads: RDF.Quad[] = [];
  push(q: RDF.Quad): void {
    this.quads.push(q);
  }
  get full(): boolean {
    return this.quads.length >= 512;
  }
  take(): readonly RDF.Quad[] {
    const quads = this.quads;
    this.quads = [];
    return quads;
  }
}

/** The arXiv taxonomy as a SKOS concept scheme. */
function* taxonomyQuads(out: QuadBatch, source: RdfSnapshot, iris: Minter, g: Quad_Graph): Generator<readonly RDF.Quad[]> {
  const scheme = namedNode(iris.taxonomyScheme);
  out.push(quad(scheme, rdf.type, skos.ConceptScheme, g));
  out.push(quad(scheme, skos.prefLabel, literal('arXiv category taxonomy', 'en'), g));
  out.push(quad(scheme, dcterms.source, namedNode('https://github.com/arXiv/arxiv-base'), g));
  out.push(quad(scheme, dcterms.rights, literal('MIT License, Copyright (c) Cornell University'), g));
  const iriOf = { group: iris.group, archive: iris.archive, category: iris.category };
  const parentOf = { group: undefined, archive: iris.group, category: iris.archive };
  for (const c of source.concepts) {
    const s = namedNode(iriOf[c.kind](c.code));
    out.push(quad(s, rdf.type, skos.Concept, g));
    out.push(quad(s, skos.inScheme, scheme, g));
    out.push(quad(s, skos.notation, literal(c.code), g));
    out.push(quad(s, skos.prefLabel, literal(c.name, 'en'), g));
    const parent = parentOf[c.kind];
    if (parent && c.broader !== undefined) out.push(quad(s, skos.broader, namedNode(parent(c.broader)), g));
    else out.push(quad(s, skos.topConceptOf, scheme, g));
    if (c.description !== undefined) out.push(quad(s, skos.definition, literal(c.description, 'en'), g));
    if (!c.active) out.push(quad(s, owl.deprecated, literal('true', xsd.boolean), g));
    if (out.full) yield out.take();
  }
  for (const [alias, canonical] of source.equivalences) {
    out.push(quad(namedNode(iris.category(alias)), skos.exactMatch, namedNode(iris.category(canonical)), g));
  }
}

const VIEW_TITLES = {
  full: 'Louvain communities of the full graph (papers, authors, keywords; categories placed after)',
  coauthors: 'Louvain communities of the co-author network',
  topics: 'Louvain communities of the topic map (papers and their keywords)',
} as const;

/** What we derived: keywords as a SKOS scheme, the papers' keywords, communities and their runs. */
function* analysisQuads(out: QuadBatch, source: RdfSnapshot, names: Names, g: Quad_Graph): Generator<readonly RDF.Quad[]> {
  const { nodes } = source;
  const { iris } = names;
  const scheme = namedNode(iris.keywordScheme);
  out.push(quad(scheme, rdf.type, skos.ConceptScheme, g));
  out.push(quad(scheme, skos.prefLabel, literal('Keywords of the papers', 'en'), g));
  for (const node of nodes) {
    const a = node.attributes;
    if (a.type === 'keyword') {
      const k = names.node(node);
      out.push(quad(k, rdf.type, skos.Concept, g));
      out.push(quad(k, skos.inScheme, scheme, g));
      out.push(quad(k, skos.prefLabel, literal(a.label), g));
      for (const variant of (a.variants as readonly string[] | undefined) ?? []) out.push(quad(k, skos.altLabel, literal(variant), g));
    } else if (a.type === 'paper') {
      const p = names.node(node);
      for (const keyword of linked(nodes, node.keywords)) out.push(quad(p, dcterms.subject, names.node(keyword), g));
    }
    if (out.full) yield out.take();
  }
  for (const view of source.views) {
    const run = namedNode(iris.run(view.name));
    const { resolution, seed, modularity } = view.run;
    out.push(quad(run, rdf.type, prov.Activity, g));
    out.push(quad(run, rdfs.label, literal(VIEW_TITLES[view.name], 'en'), g));
    out.push(quad(run, kg.algorithm, literal('Louvain (graphology-communities-louvain)'), g));
    out.push(quad(run, kg.resolution, double(resolution), g));
    out.push(quad(run, kg.seed, integer(seed), g));
    out.push(quad(run, kg.modularity, double(Math.round(modularity * 1e6) / 1e6), g));
    const members = new Map<number, RdfNode[]>();
    for (let at = 0; at < view.members.length; at++) {
      const node = nodes[view.members[at] as number] as RdfNode;
      const c = view.memberCommunities[at] as number;
      const list = members.get(c);
      if (list) list.push(node);
      else members.set(c, [node]);
    }
    if (view.name === 'full') {
      // Categories were placed after the optimisation, into the community holding most of their papers.
      for (const node of nodes) {
        if (node.attributes.type === 'category') members.get(node.attributes.community as number)?.push(node);
      }
    }
    for (const community of view.communities) {
      const c = namedNode(iris.community(view.name, community.id));
      out.push(quad(c, rdf.type, kg.Community, g));
      out.push(quad(c, rdfs.label, literal(community.label), g));
      out.push(quad(c, kg.size, integer(members.get(community.id)?.length ?? 0), g));
      out.push(quad(c, kg.view, literal(view.name), g));
      out.push(quad(c, prov.wasGeneratedBy, run, g));
      for (const member of members.get(community.id) ?? []) {
        out.push(quad(c, kg.member, names.node(member), g));
        if (out.full) yield out.take();
      }
    }
  }
}

/**
 * Every quad of the export in batches, graph by graph: each digest's facts in its own named graph (with where
 * it came from), the taxonomy in one, the analysis in another. With `namedGraphs` false the same
 * statements go to the default graph once each: the union, for Turtle and N-Triples.
 */
export function* exportQuads(source: RdfSnapshot, namedGraphs: boolean): Generator<readonly RDF.Quad[]> {
  const { nodes } = source;
  const out = new QuadBatch();
  const names = nameNodes(source.base);
  const { iris } = names;
  const papersByFile = new Map<string, RdfNode[]>();
  for (const node of nodes) {
    if (node.attributes.type !== 'paper') continue;
    for (const where of node.attributes.sources as readonly string[]) {
      const file = where.slice(0, where.lastIndexOf(':'));
      const list = papersByFile.get(file);
      if (list && list[list.length - 1] !== node) list.push(node);
      else if (!list) papersByFile.set(file, [node]);
    }
  }

  const unionSeen = new Set<string>();
  const unionPapers = new Set<RdfNode>();
  for (const digest of source.digests) {
    const iri = namedNode(iris.digestGraph(digest.file));
    const g = namedGraphs ? iri : defaultGraph();
    out.push(quad(iri, rdf.type, prov.Entity, g));
    out.push(quad(iri, prov.wasDerivedFrom, namedNode(iris.source(digest.file)), g));
    out.push(quad(iri, rdfs.label, literal(digest.file), g));
    if (digest.date !== undefined) out.push(quad(iri, dcterms.date, literal(digest.date, xsd.date), g));
    const seen = namedGraphs ? new Set<string>() : unionSeen;
    for (const paper of papersByFile.get(digest.file) ?? []) {
      if (!namedGraphs) {
        if (unionPapers.has(paper)) continue;
        unionPapers.add(paper);
      }
      paperQuads(out, nodes, names, paper, g, seen);
      if (out.full) yield out.take();
    }
  }
  yield* taxonomyQuads(out, source, iris, namedGraphs ? namedNode(iris.taxonomyGraph) : defaultGraph());
  yield* analysisQuads(out, source, names, namedGraphs ? namedNode(iris.analysisGraph) : defaultGraph());
  yield out.take();
}
