import { describe, expect, it } from 'vitest';
import { parsePaperLink } from '../../src/read/paperLink.js';

describe('parsePaperLink', () => {
  it.each([
    ['https://arxiv.org/abs/2601.14648', { id: '2601.14648', scheme: 'arxiv' }],
    ['https://arxiv.org/abs/2606.27246v1', { id: '2606.27246', version: 1 }],
    ['http://arxiv.org/abs/2604.21642v12', { id: '2604.21642', version: 12 }],
    ['https://arxiv.org/pdf/2509.06983', { id: '2509.06983' }],
    ['https://arxiv.org/pdf/2509.06983v2.pdf', { id: '2509.06983', version: 2 }],
    ['https://www.arxiv.org/abs/0704.0001', { id: '0704.0001' }],
    ['http://arxiv.org/abs/astro-ph/9605151v1', { id: 'astro-ph/9605151', version: 1 }],
    ['https://arxiv.org/abs/math/0501001', { id: 'math/0501001' }],
    ['https://arxiv.org/abs/math.AG/0601001', { id: 'math.AG/0601001' }],
    ['https://doi.org/10.48550/arXiv.2601.14648', { id: '2601.14648', scheme: 'arxiv' }],
  ])('reads the arXiv id of %s', (url, expected) => {
    const link = parsePaperLink(url);
    expect(link).toMatchObject(expected);
    expect(link?.url).toBe(`https://arxiv.org/abs/${expected.id}`);
  });

  it('keeps a DOI under the DOI, lower-cased, with a canonical URL', () => {
    expect(parsePaperLink('https://doi.org/10.1088/2632-2153/AD13BA')).toEqual({
      id: 'doi:10.1088/2632-2153/ad13ba',
      scheme: 'doi',
      url: 'https://doi.org/10.1088/2632-2153/ad13ba',
    });
  });

  it('keeps a PubMed record under its PMID', () => {
    expect(parsePaperLink('https://pubmed.ncbi.nlm.nih.gov/31452104/')).toEqual({
      id: 'pmid:31452104',
      scheme: 'pmid',
      url: 'https://pubmed.ncbi.nlm.nih.gov/31452104/',
    });
  });

  it('keeps other web links under their URL and refuses what is not a link', () => {
    expect(parsePaperLink('https://openreview.net/forum?id=abc')).toMatchObject({ scheme: 'url' });
    expect(parsePaperLink('#cs.CV')).toBeUndefined();
    expect(parsePaperLink('2601.14648')).toBeUndefined();
  });
});
