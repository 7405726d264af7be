import type { PaperLink } from './types.js';

// New-style ids (2601.14648, 0704.0001) and old-style ones (math/0501001, astro-ph/9605151, math.AG/0601001).
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z-]+)?/\d{7})(?:v(\d+))?`;
const ARXIV_URL = new RegExp(
  String.raw`^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/${ARXIV_ID}(?:\.pdf)?/?(?:[?#].*)?$`,
  'i',
);
const ARXIV_DOI = new RegExp(String.raw`^10\.48550/arxiv\.${ARXIV_ID}$`, 'i');
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;
const PUBMED_URL =
  /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov\/|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed\/)(\d+)\/?(?:[?#].*)?$/i;

function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

function arxivLink(id: string, version: string | undefined): PaperLink {
  const url = arxivAbsUrl(id);
  return version === undefined
    ? { id, scheme: 'arxiv', url }
    : { id, scheme: 'arxiv', version: Number(version), url };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Identify the paper a heading links to. arXiv links of every form (abs, pdf, versioned, http, old-style
 * ids, arXiv DOIs) become the versionless arXiv id; other DOIs become `doi:<doi>` (lower case: DOIs are
 * case-insensitive), PubMed links `pmid:<n>`, and any other http(s) link is kept under its own URL.
 * Returns undefined when `url` is not an absolute http(s) URL.
 */
export function parsePaperLink(url: string): PaperLink | undefined {
  const arxiv = ARXIV_URL.exec(url);
  if (arxiv) return arxivLink(arxiv[1] as string, arxiv[2]);
  const doi = DOI_URL.exec(url);
  if (doi) {
    const name = safeDecode(doi[1] as string);
    const arxivDoi = ARXIV_DOI.exec(name);
    if (arxivDoi) return arxivLink(arxivDoi[1] as string, arxivDoi[2]);
    const lower = name.toLowerCase();
    return { id: `doi:${lower}`, scheme: 'doi', url: `https://doi.org/${lower}` };
  }
  const pubmed = PUBMED_URL.exec(url);
  if (pubmed) {
    const pmid = pubmed[1] as string;
    return { id: `pmid:${pmid}`, scheme: 'pmid', url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` };
  }
  if (/^https?:\/\/[^\s/]+\.[^\s/]+/i.test(url)) return { id: url, scheme: 'url', url };
  return undefined;
}
