/**
 * The arxiv-kg viewer: one page, the graph data inline (see src/export/viewerData.ts). Sigma draws,
 * graphology holds the graph, and the reducers decide what is drawn from one state object that the
 * URL hash mirrors. Text from digests is only ever put on the page with textContent.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { rankNodes } from '../../src/graph/ranking.js';
import type { NodePayload, ViewerPayload, ViewPayload } from '../../src/export/viewerPayload.js';
import { ALL_TYPES, decodeState, defaultState, encodeState, type ColorMode, type NodeType, type ViewerState, type ViewName } from './state.js';

/** Above this many nodes a view opens reduced to its best-connected nodes, with a way to show more. */
const REDUCED_LIMIT = 5_000;
/** Above this many nodes on screen, edges and labels are hidden while the camera moves. */
const MOVE_LIGHTLY_ABOVE = 1_000;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const GREY = '#c8c8c8';
const DIM = '#ececec';
const TYPE_COLORS: Record<NodeType, string> = { paper: '#4e79a7', author: '#e15759', category: '#59a14f', keyword: '#edc948' };
const TYPE_NAMES: Record<NodeType, string> = { paper: 'Papers', author: 'Authors', category: 'Categories', keyword: 'Keywords' };
const LEGEND_ENTRIES = 30;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`viewer: #${id} missing from the page`);
  return element as T;
}

/** An element with text content only: digest text never becomes HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

const payload = JSON.parse(byId('kg-data').textContent ?? '{}') as ViewerPayload;

const graphs = new Map<ViewName, Graph>();

/**
 * A node as the page holds it: the payload with its `type` renamed `kind`, because sigma reads a
 * node's `type` as the name of the program that draws it.
 */
type ViewerNode = Omit<NodePayload, 'type'> & { kind: NodeType };

function buildGraph(view: ViewPayload): Graph {
  const graph = new Graph({ multi: false, allowSelfLoops: false, type: 'undirected' });
  for (const { type, ...rest } of view.nodes) graph.addNode(rest.key, { ...rest, kind: type });
  for (const [s, t, w] of view.edges) {
    const source = (view.nodes[s] as NodePayload).key;
    const target = (view.nodes[t] as NodePayload).key;
    if (!graph.hasEdge(source, target)) graph.addEdge(source, target, { weight: w, size: 0.5, color: '#d6d6d6' });
  }
  return graph;
}

/**
 * The full graph, for panels and search: whatever view is shown, a paper's authors have names.
 * Built on first use, so that it does not delay the first picture of another view.
 */
function full(): Graph {
  return graphOf('full');
}

function graphOf(view: ViewName): Graph {
  let graph = graphs.get(view);
  if (!graph) {
    graph = buildGraph(payload.views[view]);
    graphs.set(view, graph);
  }
  return graph;
}

const categoryColors = new Map<string, string>();
{
  const counts = new Map<string, number>();
  for (const n of payload.views.full.nodes) if (n.type === 'paper' && n.category) counts.set(n.category, (counts.get(n.category) ?? 0) + 1);
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).forEach(([code], i) => categoryColors.set(code, PALETTE[i] ?? GREY));
}

// ---- state -------------------------------------------------------------------------------------

let state: ViewerState = decodeState(location.hash, defaultState(REDUCED_LIMIT));
let graph = graphOf(state.view);
let shown = new Set<string>();
let highlighted: Set<string> | null = null;
let hovered = '';

function groupOf(node: string, mode: ColorMode = state.color): string {
  const a = graph.getNodeAttributes(node) as ViewerNode;
  if (mode === 'community') return String(a.community);
  if (mode === 'type') return a.kind;
  return a.category ?? 'other';
}

function colorOf(node: string): string {
  const a = graph.getNodeAttributes(node) as ViewerNode;
  if (state.color === 'community') return a.color;
  if (state.color === 'type') return TYPE_COLORS[a.kind];
  return (a.category && categoryColors.get(a.category)) || GREY;
}

function within(start: string, hops: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let i = 0; i < hops; i++) {
    const next: string[] = [];
    for (const node of frontier) graph.forEachNeighbor(node, (n) => {
      if (!seen.has(n)) {
        seen.add(n);
        next.push(n);
      }
    });
    frontier = next;
  }
  return seen;
}

/** Which nodes the filters, the legend and the size limit leave on screen. */
function computeShown(): Set<string> {
  const ranked = Array.from(rankNodes(graph), ({ node }) => node);
  const allowed = state.limit > 0 && ranked.length > state.limit ? new Set(ranked.slice(0, state.limit)) : null;
  const ego = state.selected && state.hops > 0 && graph.hasNode(state.selected) ? within(state.selected, state.hops) : null;
  let inCategory: Set<string> | null = null;
  if (state.category) {
    inCategory = new Set();
    graph.forEachNode((n, a) => {
      if ((a as ViewerNode).category === state.category) {
        inCategory?.add(n);
        graph.forEachNeighbor(n, (m) => inCategory?.add(m));
      }
    });
  }
  const result = new Set<string>();
  graph.forEachNode((node, a) => {
    const type = (a as ViewerNode).kind;
    if (!state.types.includes(type)) return;
    if (allowed && !allowed.has(node) && node !== state.selected) return;
    if (ego && !ego.has(node)) return;
    if (inCategory && !inCategory.has(node)) return;
    if (graph.degree(node) < state.minDegree) return;
    const group = groupOf(node);
    if (state.isolated ? group !== state.isolated : state.hidden.includes(group)) return;
    result.add(node);
  });
  return result;
}

// ---- sigma ---------------------------------------------------------------------------------------

const container = byId<HTMLDivElement>('graph');
const sigma = new Sigma(graph, container, {
  labelDensity: state.labelDensity,
  labelRenderedSizeThreshold: 6,
  zIndex: true,
  nodeReducer: (node, data): Partial<NodeDisplayData> => {
    if (!shown.has(node)) return { ...data, hidden: true };
    const color = colorOf(node);
    if (highlighted && !highlighted.has(node)) return { ...data, color: DIM, label: '', zIndex: 0 };
    const focus = node === state.selected || node === hovered;
    return { ...data, color, zIndex: focus ? 2 : highlighted ? 1 : 0, highlighted: focus, forceLabel: focus };
  },
  edgeReducer: (edge, data): Partial<EdgeDisplayData> => {
    const [s, t] = graph.extremities(edge);
    if (!shown.has(s) || !shown.has(t)) return { ...data, hidden: true };
    if (highlighted) {
      const focus = hovered || state.selected;
      return focus === s || focus === t ? { ...data, color: '#8a8a8a', size: 1 } : { ...data, hidden: true };
    }
    return data;
  },
});
(window as unknown as { sigma: Sigma }).sigma = sigma;

function updateHighlight(): void {
  const focus = hovered || (state.selected && graph.hasNode(state.selected) ? state.selected : '');
  highlighted = focus ? new Set([focus, ...graph.neighbors(focus)]) : null;
}

// ---- rendering the state -------------------------------------------------------------------------

let saveTimer = 0;
function saveState(): void {
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => {
    history.replaceState(null, '', `#${encodeState(state)}`);
  }, 150);
}

function apply(options: { camera?: boolean } = {}): void {
  const next = graphOf(state.view);
  if (next !== graph) {
    graph = next;
    sigma.setGraph(graph);
  }
  sigma.setSetting('labelDensity', state.labelDensity);
  shown = computeShown();
  // Software WebGL (no GPU) redraws thousands of edges and labels slowly: while the camera moves on
  // a big picture, draw the nodes alone.
  sigma.setSetting('hideEdgesOnMove', shown.size > MOVE_LIGHTLY_ABOVE);
  sigma.setSetting('hideLabelsOnMove', shown.size > MOVE_LIGHTLY_ABOVE);
  updateHighlight();
  sigma.refresh();
  renderControls();
  renderLegend();
  renderNotice();
  renderPanel();
  if (options.camera && state.camera) sigma.getCamera().setState(state.camera);
  saveState();
}

function setState(change: Partial<ViewerState>, options: { camera?: boolean } = {}): void {
  state = { ...state, ...change };
  apply(options);
}

const viewSelect = byId<HTMLSelectElement>('view');
const colorSelect = byId<HTMLSelectElement>('color');
const categorySelect = byId<HTMLSelectElement>('category');
const degreeInput = byId<HTMLInputElement>('degree');
const degreeValue = byId<HTMLOutputElement>('degree-value');
const hopsSelect = byId<HTMLSelectElement>('hops');
const labelsInput = byId<HTMLInputElement>('labels');
const typesBox = byId<HTMLDivElement>('types');

{
  const codes = [...categoryColors.keys()].sort();
  for (const code of codes) {
    const option = h('option', code);
    option.value = code;
    categorySelect.append(option);
  }
  for (const type of ALL_TYPES) {
    const label = h('label');
    const box = h('input');
    box.type = 'checkbox';
    box.value = type;
    box.addEventListener('change', () => {
      const types = ALL_TYPES.filter((t) => (typesBox.querySelector(`input[value="${t}"]`) as HTMLInputElement).checked);
      setState({ types });
    });
    label.append(box, ` ${TYPE_NAMES[type]}`);
    typesBox.append(label);
  }
}

function renderControls(): void {
  viewSelect.value = state.view;
  colorSelect.value = state.color;
  categorySelect.value = state.category;
  degreeInput.value = String(state.minDegree);
  degreeValue.textContent = String(state.minDegree);
  hopsSelect.value = String(state.hops);
  labelsInput.value = String(state.labelDensity);
  for (const box of typesBox.querySelectorAll('input')) box.checked = state.types.includes(box.value as NodeType);
}

viewSelect.addEventListener('change', () => setState({ view: viewSelect.value as ViewName, hidden: [], isolated: '', limit: REDUCED_LIMIT }));
colorSelect.addEventListener('change', () => setState({ color: colorSelect.value as ColorMode, hidden: [], isolated: '' }));
categorySelect.addEventListener('change', () => setState({ category: categorySelect.value }));
degreeInput.addEventListener('input', () => setState({ minDegree: Number(degreeInput.value) }));
hopsSelect.addEventListener('change', () => setState({ hops: Number(hopsSelect.value) as 0 | 1 | 2 }));
labelsInput.addEventListener('input', () => setState({ labelDensity: Number(labelsInput.value) }));

// ---- legend --------------------------------------------------------------------------------------

function legendEntries(): { group: string; name: string; color: string; count: number; community?: number }[] {
  const counts = new Map<string, number>();
  graph.forEachNode((n) => counts.set(groupOf(n), (counts.get(groupOf(n)) ?? 0) + 1));
  if (state.color === 'type') {
    return ALL_TYPES.filter((t) => counts.has(t)).map((t) => ({ group: t, name: TYPE_NAMES[t], color: TYPE_COLORS[t], count: counts.get(t) ?? 0 }));
  }
  if (state.color === 'category') {
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, LEGEND_ENTRIES).map(([code, count]) => ({ group: code, name: code, color: categoryColors.get(code) ?? GREY, count }));
  }
  return payload.views[state.view].communities.slice(0, LEGEND_ENTRIES).map((c) => ({
    group: String(c.id),
    name: c.label,
    color: PALETTE[c.id] ?? GREY,
    count: c.size,
    community: c.id,
  }));
}

function renderLegend(): void {
  const list = byId<HTMLUListElement>('legend');
  list.replaceChildren();
  for (const entry of legendEntries()) {
    const item = h('li');
    const off = state.isolated ? state.isolated !== entry.group : state.hidden.includes(entry.group);
    if (off) item.classList.add('off');
    const swatch = h('span', undefined, 'swatch');
    swatch.style.background = entry.color;
    item.append(swatch, h('span', `${entry.name} (${entry.count})`));
    item.addEventListener('click', () => {
      const hidden = state.hidden.includes(entry.group) ? state.hidden.filter((g) => g !== entry.group) : [...state.hidden, entry.group];
      setState({ hidden, isolated: '' });
    });
    item.addEventListener('dblclick', () => setState({ isolated: state.isolated === entry.group ? '' : entry.group, hidden: [] }));
    if (entry.community !== undefined) {
      const papers = h('button', 'papers', 'link');
      papers.type = 'button';
      papers.addEventListener('click', (event) => {
        event.stopPropagation();
        showCommunity(entry.community as number);
      });
      item.append(papers);
    }
    list.append(item);
  }
}

// ---- notice for big graphs -----------------------------------------------------------------------

function renderNotice(): void {
  const notice = byId<HTMLDivElement>('notice');
  const total = graph.order;
  const omitted = payload.views[state.view].omitted;
  const reduced = state.limit > 0 && total > state.limit;
  if (!reduced && omitted === undefined) {
    notice.hidden = true;
    return;
  }
  notice.hidden = false;
  notice.replaceChildren();
  if (reduced) {
    notice.append(`Big graph: showing the ${state.limit.toLocaleString('en')} best-connected of ${total.toLocaleString('en')} nodes.`);
    const more = h('button', 'Show more');
    more.addEventListener('click', () => setState({ limit: state.limit * 2 }));
    const all = h('button', 'Show all');
    all.addEventListener('click', () => setState({ limit: 0 }));
    notice.append(more, all);
  }
  if (omitted !== undefined) {
    const whole = total + omitted.nodes;
    notice.append(
      h(
        'p',
        `This page carries the ${total.toLocaleString('en')} best-connected of the view's ${whole.toLocaleString('en')} nodes; the GraphML, GEXF and JSON exports hold them all.`,
      ),
    );
  }
}

// ---- details panel -------------------------------------------------------------------------------

const panel = byId<HTMLElement>('panel');
let panelCommunity: number | null = null;

function nodeButton(key: string, text?: string): HTMLElement {
  const label = text ?? (full().hasNode(key) ? (full().getNodeAttribute(key, 'label') as string) : key);
  const button = h('button', label, 'link');
  button.type = 'button';
  button.addEventListener('click', () => select(key));
  return button;
}

function list(title: string, keys: string[], text?: (key: string) => string): HTMLElement[] {
  if (keys.length === 0) return [];
  const ul = h('ul');
  for (const key of keys) {
    const li = h('li');
    li.append(nodeButton(key, text?.(key)));
    ul.append(li);
  }
  return [h('h3', title), ul];
}

function neighborsOfType(key: string, type: NodeType): string[] {
  if (!full().hasNode(key)) return [];
  return full().neighbors(key).filter((n) => full().getNodeAttribute(n, 'kind') === type);
}

const labelOf = (key: string): string => (full().hasNode(key) ? (full().getNodeAttribute(key, 'label') as string) : key);
const byLabel = (a: string, b: string): number => labelOf(a).localeCompare(labelOf(b));

function renderPanel(): void {
  const key = state.selected;
  if (panelCommunity !== null) return;
  if (!key || !full().hasNode(key)) {
    panel.hidden = true;
    return;
  }
  const a = full().getNodeAttributes(key) as ViewerNode;
  const close = h('button', 'Close', 'link');
  close.addEventListener('click', () => setState({ selected: '', hops: 0 }));
  const parts: (HTMLElement | string)[] = [close, h('h2', a.label)];
  if (a.kind === 'paper') {
    const paper = payload.papers[key];
    if (paper) {
      if (/^https?:\/\//.test(paper.url)) {
        const link = h('a', paper.url.includes('arxiv.org') ? 'Open on arXiv' : 'Open the paper');
        link.href = paper.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        parts.push(link);
      }
      if (paper.date) parts.push(h('p', `Listed ${paper.date}`, 'hint'));
      parts.push(...list('Authors', paper.authors), ...list('Categories', paper.categories), ...list('Keywords', paper.keywords));
      if (paper.tldr) parts.push(h('h3', 'TL;DR'), h('p', paper.tldr));
      if (paper.abstract) parts.push(h('h3', 'Abstract'), h('p', paper.abstract));
    }
  } else if (a.kind === 'author') {
    const papers = neighborsOfType(key, 'paper').sort(byLabel);
    const joint = new Map<string, number>();
    for (const p of papers) for (const other of payload.papers[p]?.authors ?? []) if (other !== key) joint.set(other, (joint.get(other) ?? 0) + 1);
    const coauthors = [...joint].sort((x, y) => y[1] - x[1] || byLabel(x[0], y[0])).map(([k]) => k);
    parts.push(...list(`Papers (${papers.length})`, papers), ...list(`Co-authors (${coauthors.length})`, coauthors, (k) => `${labelOf(k)} (${joint.get(k)})`));
  } else {
    const papers = neighborsOfType(key, 'paper').sort(byLabel);
    parts.push(...list(`Papers (${papers.length})`, papers));
  }
  panel.replaceChildren(...parts);
  panel.hidden = false;
}

function showCommunity(id: number): void {
  const view = payload.views[state.view];
  const community = view.communities.find((c) => c.id === id);
  const members = view.nodes.filter((n) => n.community === id).map((n) => n.key);
  const papers = new Set<string>();
  for (const m of members) {
    if (full().hasNode(m) && full().getNodeAttribute(m, 'kind') === 'paper') papers.add(m);
    else for (const p of neighborsOfType(m, 'paper')) if (state.view === 'coauthors') papers.add(p);
  }
  panelCommunity = id;
  const close = h('button', 'Close', 'link');
  close.addEventListener('click', () => {
    panelCommunity = null;
    panel.hidden = true;
    renderPanel();
  });
  panel.replaceChildren(close, h('h2', community?.label ?? `Community ${id}`), h('p', `${members.length} members`, 'hint'), ...list(`Papers (${papers.size})`, [...papers].sort(byLabel)));
  panel.hidden = false;
}

function select(key: string): void {
  panelCommunity = null;
  if (!graph.hasNode(key) && full().hasNode(key)) state = { ...state, view: 'full', hidden: [], isolated: '' };
  setState({ selected: key });
  const target = graph.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
  if (target) void sigma.getCamera().animate({ x: target.x, y: target.y, ratio: Math.min(sigma.getCamera().ratio, 0.35) }, { duration: 400 });
}

// ---- search --------------------------------------------------------------------------------------

const searchInput = byId<HTMLInputElement>('search');
const results = byId<HTMLSpanElement>('results');
let searchTimer = 0;

function search(query: string): ViewerNode[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const found: ViewerNode[] = [];
  const names = (n: ViewerNode): string[] => [n.label, ...(n.aliases ?? [])].map((s) => s.toLowerCase());
  full().forEachNode((_, a) => {
    const n = a as ViewerNode;
    if (names(n).some((s) => s.includes(q))) found.push(n);
  });
  const starts = (n: ViewerNode): number => Number(names(n).some((s) => s.startsWith(q)));
  return found.sort((x, y) => starts(y) - starts(x) || y.size - x.size || (x.label < y.label ? -1 : 1)).slice(0, 12);
}

searchInput.addEventListener('input', () => {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    const found = search(searchInput.value);
    results.replaceChildren(
      ...found.map((n) => {
        const button = h('button');
        button.type = 'button';
        button.dataset.key = n.key;
        button.append(h('span', n.label), h('span', n.kind, 'kind'));
        button.addEventListener('click', () => {
          results.classList.remove('open');
          searchInput.value = n.label;
          select(n.key);
        });
        return button;
      }),
    );
    results.classList.toggle('open', found.length > 0);
  }, 120);
});
searchInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') (results.querySelector('button') as HTMLButtonElement | null)?.click();
  if (event.key === 'Escape') results.classList.remove('open');
});

// ---- hover, click, camera ------------------------------------------------------------------------

let hoverTimer = 0;
sigma.on('enterNode', ({ node }) => {
  window.clearTimeout(hoverTimer);
  hoverTimer = window.setTimeout(() => {
    hovered = node;
    updateHighlight();
    sigma.refresh({ skipIndexation: true });
  }, 60);
});
sigma.on('leaveNode', () => {
  window.clearTimeout(hoverTimer);
  hoverTimer = window.setTimeout(() => {
    hovered = '';
    updateHighlight();
    sigma.refresh({ skipIndexation: true });
  }, 60);
});
sigma.on('clickNode', ({ node }) => select(node));
sigma.on('clickStage', () => {
  if (state.selected) setState({ selected: '', hops: 0 });
});
sigma.getCamera().on('updated', ({ x, y, ratio }) => {
  state.camera = { x, y, ratio };
  saveState();
});

window.addEventListener('hashchange', () => {
  const next = decodeState(location.hash, defaultState(REDUCED_LIMIT));
  if (encodeState(next) !== encodeState(state)) {
    state = next;
    apply({ camera: true });
// Sigma drew its first frame in the constructor; the mark is when the browser shows it (the bench reads it).
requestAnimationFrame(() => performance.mark('arxiv-kg:first-frame'));
  }
});

// ---- PNG -----------------------------------------------------------------------------------------

byId<HTMLButtonElement>('png').addEventListener('click', () => {
  sigma.refresh();
  const layers = sigma.getCanvases();
  const first = Object.values(layers)[0] as HTMLCanvasElement;
  const canvas = document.createElement('canvas');
  canvas.width = first.width;
  canvas.height = first.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (const name of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'] as const) {
    const layer = layers[name];
    if (layer) context.drawImage(layer, 0, 0);
  }
  canvas.toBlob((blob) => {
    if (!blob) return;
    const link = h('a');
    link.href = URL.createObjectURL(blob);
    link.download = `arxiv-kg-${state.view}.png`;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
});

apply({ camera: true });
// Sigma drew its first frame in the constructor; the mark is when the browser shows it (the bench reads it).
requestAnimationFrame(() => performance.mark('arxiv-kg:first-frame'));
