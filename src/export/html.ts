import { readFile } from 'node:fs/promises';
import type { Analysis } from '../analyse/analyseGraph.js';
import type { TextSink } from './outputFiles.js';
import { viewerPayload } from './viewerData.js';

/** The viewer bundle `npm run build` makes from viewer/ (two levels up from src/export and dist/export alike). */
const ASSETS = new URL('../../dist/viewer/', import.meta.url);

/** JSON inside <script>: nothing in it may close the element or end a line for a JS parser. */
function scriptSafe(text: string): string {
  return text.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * index.html: one self-contained page (script, styles and graph data inline) that opens from disk
 * and asks no other host for anything. Every text from digests travels as JSON data and is put on
 * the page as text, never as HTML.
 */
export async function writeViewer(analysis: Analysis, sink: TextSink): Promise<void> {
  const [template, script, style] = await Promise.all(
    ['index.html', 'viewer.js', 'style.css'].map((f) =>
      readFile(new URL(f, ASSETS), 'utf8').catch(() => {
        throw new Error(`viewer asset ${f} missing from dist/viewer/: run npm run build`);
      }),
    ),
  );
  const [head, afterStyle] = (template as string).split('<!-- arxiv-kg:style -->') as [string, string];
  const [middle, afterData] = afterStyle.split('<!-- arxiv-kg:data -->') as [string, string];
  const [beforeScript, tail] = afterData.split('<!-- arxiv-kg:script -->') as [string, string];
  await sink.write(head);
  await sink.write(`<style>${style as string}</style>`);
  await sink.write(middle);
  await sink.write(`<script type="application/json" id="kg-data">${scriptSafe(JSON.stringify(viewerPayload(analysis)))}</script>`);
  await sink.write(beforeScript);
  await sink.write(`<script>${(script as string).replace(/<\/script/gi, '<\\/script')}</script>`);
  await sink.write(tail);
}
