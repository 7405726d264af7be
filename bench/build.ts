/**
 * The whole build over a corpus, stage by stage, then our Louvain against the peers of
 * ../shared/tools/community_peer.py (networkx Louvain, igraph multilevel, leidenalg) on the same three
 * graphs, with modularity, time and the NMI of the papers' topic communities against their primary
 * arXiv category.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { detectCommunities } from '../src/analyse/communities.js';
import { runBuild } from '../src/build.js';
import { Diagnostics } from '../src/diagnostics.js';
import { EXPORTERS } from '../src/export/formats.js';
import { writeGraphML } from '../src/export/graphml.js';
import { writeOutputs } from '../src/export/outputFiles.js';
import { DEFAULT_BASE } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { coauthorView, fullViewEdges, topicView, weightedView, type WeightedView } from '../src/graph/views.js';
import { readDigests } from '../src/read/readDigests.js';
import { extractKeywords } from '../src/mine/keywords.js';
import { agreement } from './clustering.js';
import { fixed, time } from './timing.js';

const COMMUNITY_PEER = path.resolve('..', 'shared', 'tools', 'community_peer.py');
const SEED = 42;

interface PeerRow {
  readonly method: string;
  readonly modularity: number;
  readonly communities: number;
  readonly seconds: number;
  readonly nmiTruth?: number;
}

/** The method rows of community_peer.py's table. */
function peerRows(output: string): PeerRow[] {
  return output
    .split('\n')
    .filter((l) => /^(stored:\S+|louvain-nx|multilevel-ig|leiden)\s/.test(l))
    .map((l) => {
      const [method, q, c, s, , , nmiTruth] = l.trim().split(/\s+/);
      return {
        method: (method as string).startsWith('stored') ? 'stored' : (method as string),
        modularity: Number(q),
        communities: Number(c),
        seconds: Number(s),
        ...(nmiTruth === undefined ? {} : { nmiTruth: Number(nmiTruth) }),
      };
    });
}

export async function benchBuild(corpus: string): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'arxiv-kg-bench-'));
  try {
    const stages: [string, number][] = [];
    let last = performance.now();
    let current = '';
    const { ms: total, result } = await time(() =>
      runBuild([corpus], {
        outDir,
        exporters: EXPORTERS,
        seed: SEED,
        resolution: 1,
        base: DEFAULT_BASE,
        diagnostics: new Diagnostics(),
        onStage: (stage) => {
          const now = performance.now();
          if (current !== '') stages.push([current, now - last]);
          [current, last] = [stage, now];
        },
      }),
    );
    stages.push([current, performance.now() - last]);
    console.log(`== build: ${result.papers} papers, every format, into a temporary folder`);
    for (const [stage, ms] of stages) console.log(`${stage.padEnd(22)} ${fixed(ms / 1000, 2).padStart(8)} s`);
    console.log(`${'total'.padEnd(22)} ${fixed(total / 1000, 2).padStart(8)} s`);

    // Our Louvain timed alone on each graph, then the same graphs scored by the peers.
    const { records } = await readDigests([corpus], { diagnostics: new Diagnostics() });
    const { ms: keywordMs } = await time(() => extractKeywords(records));
    console.log(`keyword extraction: ${Math.round(records.length / (keywordMs / 1000))} papers/s (${records.length} papers in ${fixed(keywordMs / 1000, 2)} s)`);
    const { graph } = await buildKnowledgeGraph(records, { taxonomy: loadTaxonomy() });
    const graphs: [string, WeightedView, string, string[]][] = [
      ['co-authors', coauthorView(graph).view, 'coauthor_community', []],
      ['topics', topicView(graph), 'topic_community', ['--truth', 'primary_category']],
      ['full (no categories)', weightedView(fullViewEdges(graph)), 'community', []],
    ];
    console.log(`== communities: ours (graphology Louvain, seed ${SEED}) against community_peer.py on the same graphs`);
    console.log(
      ['graph', 'nodes', 'edges', 'ours Q', 'ours s', 'nx Q', 'nx s', 'igraph Q', 'igraph s', 'leiden Q', 'leiden s', 'Q ours/leiden'].join('\t'),
    );
    for (const [name, view, attribute, extra] of graphs) {
      const { ms, result: partition } = await time(() => detectCommunities(view, { seed: SEED }));
      view.forEachNode((node) => view.setNodeAttribute(node, attribute, partition.community.get(node) as number));
      const file = `${attribute}.graphml`;
      await writeOutputs(outDir, new Map([[file, (sink) => writeGraphML(view, sink)]]));
      const { stdout } = await promisify(execFile)(COMMUNITY_PEER, [path.join(outDir, file), '--attr', attribute, ...extra], {
        maxBuffer: 1 << 26,
      });
      const rows = new Map(peerRows(stdout).map((r) => [r.method, r]));
      const q = (m: string): string => fixed(rows.get(m)?.modularity ?? NaN, 4);
      const s = (m: string): string => fixed(rows.get(m)?.seconds ?? NaN, 2);
      const leiden = rows.get('leiden')?.modularity ?? NaN;
      console.log(
        [name, view.order, view.size, fixed(partition.modularity, 4), fixed(ms / 1000, 2), q('louvain-nx'), s('louvain-nx'), q('multilevel-ig'), s('multilevel-ig'), q('leiden'), s('leiden'), fixed(partition.modularity / leiden, 4)].join('\t'),
      );
      const nmi = rows.get('stored')?.nmiTruth;
      if (nmi !== undefined) {
        const papers = view.filterNodes((_, a) => typeof a.primary_category === 'string');
        const ours = agreement(
          papers.map((p) => String(partition.community.get(p))),
          papers.map((p) => view.getNodeAttribute(p, 'primary_category') as string),
        );
        console.log(
          `papers' topic_community against their primary arXiv category (${papers.length} papers): NMI ${fixed(ours.nmi, 4)} (community_peer.py: ${fixed(nmi, 4)}), AMI ${fixed(ours.ami, 4)}, ARI ${fixed(ours.ari, 4)}`,
        );
      }
    }
  } finally {
    // The build's outputs and the views' GraphML: about 400 MB over the corpus, left in /tmp before.
    await rm(outDir, { recursive: true, force: true });
  }
}
