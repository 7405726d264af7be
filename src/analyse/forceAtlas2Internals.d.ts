// graphology-layout-forceatlas2's own building blocks, which its index.js and web worker use and
// which it ships without typings: a layout run as flat Float32Arrays that a worker thread can take.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';
  export function graphToByteArrays(
    graph: AbstractGraph,
    getEdgeWeight: (edge: string, attributes: Attributes) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function assignLayoutChanges(graph: AbstractGraph, nodes: Float32Array, outputReducer: null): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
