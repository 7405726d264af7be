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
 * JSON.stringify's text for plain data, written piece by piece down to `depth` levels of objects and
 * arrays: the viewer's data at 100k papers is longer than one JavaScript string may be.
 */
async function writeJson(value: unknown, write: (text: string) => Promise<void>, depth: number): Promise<void> {
  if (depth === 0 || value === null || typeof value !== 'object') {
    await write(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    await write('[');
    for (const [i, item] of value.entries()) {
      if (i > 0) await write(',');
      await writeJson(item ?? null, write, depth - 1);
    }
    await write(']');
  } else {
    await write('{');
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      await write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await writeJson(item, write, depth - 1);
    }
    await write('}');
  }
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
  await sink.write('<script type="application/json" id="kg-data">');
  // Down to single nodes, edges and papers: views → view → nodes → node.
  await writeJson(viewerPayload(analysis), (text) => sink.write(scriptSafe(text)), 4);
  await sink.write('</script>');
  await sink.write(beforeScript);
  await sink.write(`<script>${(script as string).replace(/<\/script/gi, '<\\/script')}</script>`);
  await sink.write(tail);
}
