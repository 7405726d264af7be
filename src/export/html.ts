import { readFile } from 'node:fs/promises';
import type { Analysis } from '../analyse/analyseGraph.js';
import type { TextSink } from './outputFiles.js';
import { DEFAULT_PAGE_LIMITS, paperDetails, viewerViews, type PageLimits } from './viewerData.js';
import type { ViewerPayload } from './viewerPayload.js';

/** The viewer bundle `npm run build` makes from viewer/ (two levels up from src/export and dist/export alike). */
const ASSETS = new URL('../../dist/viewer/', import.meta.url);

/** JSON inside <script>: nothing in it may close the element or end a line for a JS parser. */
function scriptSafe(text: string): string {
  return text.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The viewer's data as JSON.stringify would write a {@link ViewerPayload}, item by item: at 100k
 * papers it is longer than one JavaScript string may be, and the items are made as they are written.
 * Small pieces are appended and the sink flushed when full: an await per piece cost more than the
 * writing.
 */
async function writePayload(analysis: Analysis, sink: TextSink, limits: PageLimits): Promise<void> {
  const put = (text: string): void => sink.append(scriptSafe(text));
  const each = async <T>(items: Iterable<T>, text: (item: T) => string): Promise<void> => {
    let first = true;
    for (const item of items) {
      put(first ? text(item) : `,${text(item)}`);
      first = false;
      if (sink.full) await sink.flush();
    }
  };
  put('{"views":{');
  const views = viewerViews(analysis, limits);
  for (const [i, view] of views.entries()) {
    put(`${i > 0 ? ',' : ''}${JSON.stringify(view.name)}:{"title":${JSON.stringify(view.title)},"nodes":[`);
    await each(view.nodes, (node) => JSON.stringify(node));
    put('],"edges":[');
    await each(view.edges, (edge) => JSON.stringify(edge));
    put(`],"communities":${JSON.stringify(view.communities)}`);
    put(view.omitted === undefined ? '}' : `,"omitted":${JSON.stringify(view.omitted)}}`);
  }
  put('},"papers":{');
  await each(paperDetails(analysis, views), ([key, details]) => `${JSON.stringify(key)}:${JSON.stringify(details)}`);
  put('}}');
}

/**
 * index.html: one self-contained page (script, styles and graph data inline) that opens from disk
 * and asks no other host for anything. Every text from digests travels as JSON data and is put on
 * the page as text, never as HTML. A view over `limits` carries its best-connected nodes only, and
 * the papers of the page are those its views carry.
 */
export async function writeViewer(analysis: Analysis, sink: TextSink, limits: PageLimits = DEFAULT_PAGE_LIMITS): Promise<void> {
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
  await writePayload(analysis, sink, limits);
  await sink.write('</script>');
  await sink.write(beforeScript);
  await sink.write(`<script>${(script as string).replace(/<\/script/gi, '<\\/script')}</script>`);
  await sink.write(tail);
}
