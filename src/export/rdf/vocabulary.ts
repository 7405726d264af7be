/**
 * The vocabularies of the RDF export and how arxiv-kg mints its own IRIs. Conventional terms
 * wherever one exists (FaBiO, PRO, Dublin Core, schema.org, FOAF, SKOS, PROV); arxiv-kg's own few
 * terms (TL;DR and the summary fields, communities) live under one fixed namespace that does not
 * move with `--base`, so queries keep working whatever base a build used.
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  dcterms: 'http://purl.org/dc/terms/',
  fabio: 'http://purl.org/spar/fabio/',
  pro: 'http://purl.org/spar/pro/',
  schema: 'https://schema.org/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  kg: 'https://w3id.org/arxiv-kg/vocab#',
} as const;

/** Default `--base` for minted IRIs: people, authorships, concepts, communities, named graphs. */
export const DEFAULT_BASE = 'https://w3id.org/arxiv-kg/';

/**
 * One IRI path segment: keeps Unicode (IRIs allow it) and `.`, `-`, `_`, `~`, percent-encodes
 * everything an IRI forbids or a path would misread (space, `/`, `#`, `?`, `%`, `<>"{}|\^` and
 * controls), so every minted IRI is valid and two different keys never share one.
 */
export function iriSegment(text: string): string {
  return text.replace(/[\u0000-\u0020\u007f-\u009f "#%/<>?[\\\]^`{|}\ud800-\udfff]/gu, percentEncode);
}

/** A paper's IRI: its canonical URL (arXiv abs page, doi.org, PubMed), made a valid IRI. */
export function paperIri(url: string): string {
  return url.replace(/[\u0000-\u0020<>"{}|\\^`\u007f-\u009f\ud800-\udfff]/gu, percentEncode);
}

function percentEncode(c: string): string {
  return [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** Minters of every IRI under a base (which must end in `/` or `#`). */
export function minter(base: string) {
  const mint = (...segments: string[]): string => base + segments.map(iriSegment).join('/');
  return {
    person: (authorKey: string) => mint('person', authorKey),
    authorship: (paperId: string, position: number) => mint('authorship', paperId, String(position)),
    category: (code: string) => mint('category', code),
    archive: (code: string) => mint('archive', code),
    group: (code: string) => mint('group', code),
    keyword: (key: string) => mint('keyword', key),
    community: (view: string, id: number) => mint('community', view, String(id)),
    run: (view: string) => mint('run', view),
    digestGraph: (file: string) => mint('graph', 'digest', file),
    source: (file: string) => mint('source', file),
    taxonomyGraph: mint('graph', 'taxonomy'),
    analysisGraph: mint('graph', 'analysis'),
    taxonomyScheme: mint('scheme', 'arxiv-taxonomy'),
    sectionScheme: mint('scheme', 'digest-sections'),
    keywordScheme: mint('scheme', 'keywords'),
  };
}
export type Minter = ReturnType<typeof minter>;
