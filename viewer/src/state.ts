/**
 * Everything a link must bring back: view, colouring, filters, selection and camera, kept in the URL
 * hash so that a copied link reopens the same picture.
 */
export type ViewName = 'full' | 'coauthors' | 'topics';
export type ColorMode = 'community' | 'type' | 'category';
export type NodeType = 'paper' | 'author' | 'category' | 'keyword';

export interface ViewerState {
  view: ViewName;
  color: ColorMode;
  /** Node types shown. */
  types: NodeType[];
  category: string;
  minDegree: number;
  hops: 0 | 1 | 2;
  labelDensity: number;
  /** Legend groups hidden, and the one shown alone (community ids, types or category codes). */
  hidden: string[];
  isolated: string;
  selected: string;
  /** How many nodes a big graph shows (0: all). */
  limit: number;
  camera?: { x: number; y: number; ratio: number };
}

export const ALL_TYPES: NodeType[] = ['paper', 'author', 'category', 'keyword'];

export function defaultState(limit: number): ViewerState {
  return {
    view: 'coauthors',
    color: 'community',
    types: [...ALL_TYPES],
    category: '',
    minDegree: 0,
    hops: 0,
    labelDensity: 1,
    hidden: [],
    isolated: '',
    selected: '',
    limit,
  };
}

const VIEWS: ViewName[] = ['full', 'coauthors', 'topics'];
const COLORS: ColorMode[] = ['community', 'type', 'category'];

export function encodeState(state: ViewerState): string {
  const p = new URLSearchParams();
  p.set('view', state.view);
  p.set('color', state.color);
  if (state.types.length !== ALL_TYPES.length) p.set('types', state.types.join(','));
  if (state.category) p.set('cat', state.category);
  if (state.minDegree) p.set('deg', String(state.minDegree));
  if (state.hops) p.set('hops', String(state.hops));
  if (state.labelDensity !== 1) p.set('labels', String(state.labelDensity));
  if (state.hidden.length) p.set('hide', state.hidden.join(','));
  if (state.isolated) p.set('only', state.isolated);
  if (state.selected) p.set('sel', state.selected);
  p.set('limit', String(state.limit));
  if (state.camera) p.set('cam', [state.camera.x, state.camera.y, state.camera.ratio].map((v) => v.toFixed(4)).join(','));
  return p.toString();
}

/** Read a hash over the defaults, ignoring what does not parse (a hand-edited link never breaks the page). */
export function decodeState(hash: string, defaults: ViewerState): ViewerState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewerState = { ...defaults, types: [...defaults.types], hidden: [...defaults.hidden] };
  const view = p.get('view');
  if (VIEWS.includes(view as ViewName)) state.view = view as ViewName;
  const color = p.get('color');
  if (COLORS.includes(color as ColorMode)) state.color = color as ColorMode;
  const types = p.get('types');
  if (types !== null) state.types = types.split(',').filter((t): t is NodeType => ALL_TYPES.includes(t as NodeType));
  state.category = p.get('cat') ?? '';
  const deg = Number(p.get('deg') ?? 0);
  if (Number.isInteger(deg) && deg >= 0) state.minDegree = deg;
  const hops = Number(p.get('hops') ?? 0);
  if (hops === 0 || hops === 1 || hops === 2) state.hops = hops;
  const labels = Number(p.get('labels') ?? 1);
  if (Number.isFinite(labels) && labels >= 0) state.labelDensity = labels;
  const hide = p.get('hide');
  if (hide) state.hidden = hide.split(',');
  state.isolated = p.get('only') ?? '';
  state.selected = p.get('sel') ?? '';
  const limit = Number(p.get('limit') ?? defaults.limit);
  if (Number.isInteger(limit) && limit >= 0) state.limit = limit;
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite)) state.camera = { x: cam[0] as number, y: cam[1] as number, ratio: cam[2] as number };
  return state;
}
