import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/graph/buildGraph.js';
import { loadTaxonomy } from '../../src/graph/taxonomy.js';
import { coauthorView, MAX_AUTHORS_FOR_COAUTHORSHIP, topicView } from '../../src/graph/views.js';
import { extractKeywords } from '../../src/mine/keywords.js';
import { keywordKey } from '../../src/mine/phrase.js';
import type { PaperRecord } from '../../src/read/types.js';

const taxonomy = loadTaxonomy();

function paper(id: string, over: Partial<PaperRecord> = {}): PaperRecord {
  return { id, url: `https://arxiv.org/abs/${id}`, title: `Paper ${id}`, sources: [{ file: 'd.md', line: 1 }], ...over };
}

describe('loadTaxonomy', () => {
  it('names categories with their archive and group', () => {
    expect(taxonomy.category('eess.SP')).toEqual({
      code: 'eess.SP',
      name: 'Signal Processing',
      archive: 'eess',
      archiveName: 'Electrical Engineering and Systems Science',
      group: 'eess',
      groupName: 'Electrical Engineering and Systems Science',
      active: true,
    });
    expect(taxonomy.category('hep-th')).toMatchObject({ name: 'High Energy Physics - Theory', group: 'physics' });
    expect(taxonomy.category('Agent Sec')).toBeUndefined();
  });
});

const records = [
  paper('2601.00001', { authors: ['Ann Lee', 'Bo Li'], categories: ['eess.SP', 'cs.IT'], keywords: ['MIMO', 'beamforming'] }),
  paper('2601.00002', { authors: ['Bo Li', 'Cy Wu'], categories: ['eess.SP', 'Agent Sec'], keywords: ['mimo'], sources: [{ file: 'e.md', line: 7 }] }),
];
const { graph, warnings } = await buildKnowledgeGraph(records, { taxonomy });

describe('buildKnowledgeGraph', () => {

  it('makes one node per paper, person, category and keyword, with readable keys and labels', () => {
    expect(graph.nodes()).toEqual([
      'paper:2601.00001',
      'author:ann lee',
      'author:bo li',
      'category:eess.SP',
      'category:cs.IT',
      'keyword:mimo',
      'keyword:beamform',
      'paper:2601.00002',
      'author:cy wu',
      'category:Agent Sec',
    ]);
    expect(graph.getNodeAttributes('category:eess.SP')).toMatchObject({
      type: 'category',
      label: 'Signal Processing (eess.SP)',
      in_taxonomy: true,
      archive: 'eess',
      group: 'eess',
      paper_count: 2,
    });
    expect(graph.getNodeAttributes('author:bo li')).toEqual({ type: 'author', label: 'Bo Li', paper_count: 2 });
    expect(graph.getNodeAttributes('keyword:mimo')).toEqual({ type: 'keyword', label: 'MIMO', paper_count: 2, variants: ['mimo'] });
  });

  it('labels a keyword with its most frequent spelling', async () => {
    const spelt = (id: string, keywords: string[]) => paper(id, { keywords });
    const { graph: g } = await buildKnowledgeGraph([spelt('1', ['Deep Learning']), spelt('2', ['deep learning']), spelt('3', ['deep learning'])], { taxonomy });
    expect(g.getNodeAttributes('keyword:deep learn')).toMatchObject({ label: 'deep learning', variants: ['Deep Learning'] });
  });

  it('links authors in order, categories with the primary marked, keywords with their weight', () => {
    const edges = graph.mapEdges((_, a, s, t) => [s, t, a]);
    expect(edges.slice(0, 6)).toEqual([
      ['author:ann lee', 'paper:2601.00001', { type: 'authored', position: 1 }],
      ['author:bo li', 'paper:2601.00001', { type: 'authored', position: 2 }],
      ['paper:2601.00001', 'category:eess.SP', { type: 'in_category', primary: true }],
      ['paper:2601.00001', 'category:cs.IT', { type: 'in_category', primary: false }],
      ['paper:2601.00001', 'keyword:mimo', { type: 'has_keyword', weight: 1, source: 'digest' }],
      ['paper:2601.00001', 'keyword:beamform', { type: 'has_keyword', weight: 1, source: 'digest' }],
    ]);
  });

  it('keeps a category the taxonomy does not know, and warns where it was seen', () => {
    expect(graph.getNodeAttributes('category:Agent Sec')).toMatchObject({ label: 'Agent Sec', in_taxonomy: false });
    expect(warnings).toEqual([
      {
        source: { file: 'e.md', line: 7 },
        problem: 'category "Agent Sec" (1 paper) is not in the arXiv taxonomy',
        action: 'kept it as a category node without arXiv name, archive or group',
      },
    ]);
  });

  it('derives the co-author network and the topic map', () => {
    const { view, papersLeftOut } = coauthorView(graph);
    expect(view.mapEdges((_, a, s, t) => [s, t, a.weight])).toEqual([
      ['author:ann lee', 'author:bo li', 1],
      ['author:bo li', 'author:cy wu', 1],
    ]);
    expect(papersLeftOut).toEqual([]);
    const topics = topicView(graph);
    expect(topics.order).toBe(4);
    expect(topics.mapEdges((_, a, s, t) => [s, t, a.type])).toContainEqual(['paper:2601.00002', 'keyword:mimo', 'has_keyword']);
  });

  it('leaves consortium papers out of the co-author network only', async () => {
    const many = Array.from({ length: MAX_AUTHORS_FOR_COAUTHORSHIP + 1 }, (_, i) => `Member ${i}`);
    const { graph: big } = await buildKnowledgeGraph([paper('2601.00009', { authors: many })], { taxonomy });
    const { view, papersLeftOut } = coauthorView(big);
    expect(papersLeftOut).toEqual(['paper:2601.00009']);
    expect(view.size).toBe(0);
    expect(view.order).toBe(many.length);
    expect(big.inDegree('paper:2601.00009')).toBe(many.length);
  });
});

describe('extractKeywords', () => {
  it('keeps the digest keywords, and extracts shared terms from titles and abstracts otherwise', async () => {
    const keywords = await extractKeywords([
      paper('1', { keywords: ['Graph Learning'] }),
      paper('2', { title: 'Cell-Free Massive MIMO with Reciprocity Calibration', abstract: 'We calibrate cell-free massive MIMO arrays.' }),
      paper('3', { title: 'Massive MIMO Channel Estimation', abstract: 'Channel estimation for massive MIMO systems is studied.' }),
      paper('4', { title: 'Speech Enhancement', abstract: '语音增强的中文摘要，没有英文。' }),
    ]);
    expect(keywords.get('1')).toEqual([{ phrase: 'Graph Learning', key: 'graph learn', weight: 1, source: 'digest' }]);
    expect(keywords.get('2')?.map((k) => k.phrase)).toContain('massive MIMO');
    expect(keywords.get('3')?.map((k) => k.phrase)).toContain('massive MIMO');
    expect(keywords.get('4')?.map((k) => k.phrase)).toEqual(['speech enhancement']);
    for (const list of keywords.values()) for (const k of list) expect(k.weight).toBeGreaterThan(0);
  });

  it('keys a keyword by its lower-cased, Porter-stemmed words', () => {
    expect(keywordKey('Neural  Networks')).toBe('neural network');
    expect(keywordKey('Human-Computer Interactions')).toBe(keywordKey('human computer interaction'));
    expect(keywordKey('speech/audio')).toBe('speech audio');
    expect(keywordKey('Deep Learning')).toBe('deep learn');
  });
});
