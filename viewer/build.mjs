// Bundles the viewer (viewer/src) into dist/viewer/viewer.js beside its page template and styles;
// the html exporter inlines all three into one self-contained index.html.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const out = new URL('../dist/viewer/', import.meta.url);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('src/main.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  outfile: new URL('viewer.js', out).pathname,
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) await copyFile(new URL(file, import.meta.url), new URL(file, out));
