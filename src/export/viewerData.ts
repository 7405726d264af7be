import type { Analysis, ViewName } from '../analyse/analyseGraph.js';
import { authorsOf, keywordsOf } from '../graph/views.js';
import type { AbstractGraph } from 'graphology-types';
import type { NodePayload, PaperDetails, ViewerPayload, ViewPayload } from './viewerPayload.js';

const TITLES: Record<ViewName, string> = {
  full: 'Full graph',
  coauthors: 'Co-author network',
  topics: 'Topic map',
};

function viewPayload(analysis: Analysis, name: ViewName, graph: AbstractGraph, attribute: string): ViewPayload {
  const index = new Map<string, number>();
  const nodes: NodePayload[] = [];
  graph.forEachNode((key, a) => {
    index.set(key, nodes.length);
    const full = analysis.graph.getNodeAttributes(key);
    const category = full.type === 'paper' ? full.primary_category : full.type === 'category' ? full.code : undefined;
    const aliases = full.type === 'keyword' ? (full.variants as readonly string[] | undefined) : undefined;
    nodes.push({
      key,
      label: a.label as string,
      type: full.type,
      x: a.x as number,
      y: a.y as number,
      size: a.size as number,
      color: a.color as string,
      community: a[attribute] as number,
      ...(typeof category === 'string' ? { category } : {}),
      ...(aliases && aliases.length > 0 ? { aliases } : {}),
    });
  });
  const edges: [number, number, number][] = graph.mapEdges((_, a, s, t) => [
    index.get(s) as number,
    index.get(t) as number,
    typeof a.weight === 'number' ? a.weight : 1,
  ]);
  const view = analysis.views.find((v) => v.name === name);
  return {
    title: TITLES[name],
    nodes,
    edges,
    communities: (view?.communities ?? []).map((c) => ({ id: c.id, label: c.label, size: c.size })),
  };
}

export function viewerPayload(analysis: Analysis): ViewerPayload {
  const { graph } = analysis;
  const papers: Record<string, PaperDetails> = {};
  graph.forEachNode((key, a) => {
    if (a.type !== 'paper') return;
    papers[key] = {
      url: a.url as string,
      ...(typeof a.date === 'string' ? { date: a.date } : {}),
      ...(typeof a.tldr === 'string' ? { tldr: a.tldr } : {}),
      ...(typeof a.abstract === 'string' ? { abstract: a.abstract } : {}),
      authors: authorsOf(graph, key),
      categories: graph.outNeighbors(key).filter((n) => graph.getNodeAttribute(n, 'type') === 'category'),
      keywords: keywordsOf(graph, key).map((k) => k.keyword),
    };
  });
  return {
    views: {
      full: viewPayload(analysis, 'full', graph, 'community'),
      coauthors: viewPayload(analysis, 'coauthors', analysis.coauthors, 'coauthor_community'),
      topics: viewPayload(analysis, 'topics', analysis.topics, 'topic_community'),
    },
    papers,
  };
}
