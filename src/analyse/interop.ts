/**
 * graphology's CommonJS plugins declare `export default` in their typings, but Node hands an ES module
 * the whole `module.exports` as the default import. These re-exports give each plugin the type of
 * what Node actually returns, in one place.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import louvainModule from 'graphology-communities-louvain';

export const louvain = louvainModule as unknown as typeof louvainModule.default;
export const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
