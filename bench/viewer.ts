/**
 * The viewer in headless Chromium (SwiftShader WebGL, no GPU) on graphs of about 2k, 20k and 100k
 * nodes + edges of its default view, the co-author network, built from growing prefixes of the
 * corpus: time from navigation to the first frame shown, and frame times while the camera pans.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { runBuild } from '../src/build.js';
import { Diagnostics } from '../src/diagnostics.js';
import { parseFormats } from '../src/export/formats.js';
import { DEFAULT_BASE } from '../src/export/rdf/vocabulary.js';
import { buildKnowledgeGraph } from '../src/graph/buildGraph.js';
import { loadTaxonomy } from '../src/graph/taxonomy.js';
import { coauthorView } from '../src/graph/views.js';
import { resolveInputs } from '../src/read/inputs.js';
import { readDigests } from '../src/read/readDigests.js';
import { launchChromium } from '../test/helpers/chromium.js';
import { fixed } from './timing.js';

const TARGETS = [2_000, 20_000, 100_000];
const FIRST_FRAME_TARGET_MS = 2_000;
const PAN_FRAMES = 120;
/** The 100k corpus's page takes seconds to load: a frozen page shows as a timeout. */
const PAGE_TIMEOUT_MS = 300_000;

export interface PageFigures {
  /** Time from navigation to the viewer's first frame. */
  readonly firstFrameMs: number;
  /** Frame times while the canvas is dragged around. */
  readonly pan: { readonly median: number; readonly p95: number; readonly max: number };
  /** The default view as the page holds it, and the nodes drawn of it. */
  readonly order: number;
  readonly size: number;
  readonly drawn: number;
}

/** A viewer page in Chromium: first frame, then frame times while panning as a person does. */
export async function measurePage(browser: Browser, file: string): Promise<PageFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pathToFileURL(file).href, { timeout: PAGE_TIMEOUT_MS });
  await page.waitForFunction(() => performance.getEntriesByName('arxiv-kg:first-frame').length > 0, undefined, { timeout: PAGE_TIMEOUT_MS });
  const first = await page.evaluate(() => (performance.getEntriesByName('arxiv-kg:first-frame')[0] as PerformanceEntry).startTime);
  // Pan as a person does, dragging the canvas, while the page records its frame times.
  // (A string: tsx would wrap a named function in a helper the page does not have.)
  await page.evaluate(`
    window.frameTimes = [];
    window.recording = true;
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      window.frameTimes.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    });
  `);
  const box = (await page.locator('#graph').boundingBox()) as { x: number; y: number; width: number; height: number };
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= PAN_FRAMES; i++) await page.mouse.move(cx + 200 * Math.sin((i / PAN_FRAMES) * Math.PI * 2), cy + 100 * Math.sin((i / PAN_FRAMES) * Math.PI * 4));
  await page.mouse.up();
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      frameTimes: number[];
      recording: boolean;
      sigma: { getGraph(): { order: number; size: number; nodes(): string[] }; getNodeDisplayData(n: string): { hidden?: boolean } | undefined };
    };
    w.recording = false;
    const graph = w.sigma.getGraph();
    const drawn = graph.nodes().filter((n) => w.sigma.getNodeDisplayData(n)?.hidden !== true).length;
    return { times: w.frameTimes.slice(1), order: graph.order, size: graph.size, drawn };
  });
  await page.close();
  const sorted = [...result.times].sort((a, b) => a - b);
  const pick = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { firstFrameMs: first, pan: { median: pick(0.5), p95: pick(0.95), max: sorted.at(-1) ?? NaN }, order: result.order, size: result.size, drawn: result.drawn };
}

export async function benchViewer(corpus: string): Promise<void> {
  const files = (await resolveInputs([corpus], new Diagnostics(), () => process.stdin)).map((f) => f.name);
  const taxonomy = loadTaxonomy();
  const browser = await launchChromium();
  console.log(`== viewer: headless Chromium, default view (co-author network), ${PAN_FRAMES} frames of panning`);
  console.log(['target', 'files', 'nodes', 'edges', 'html MB', 'first frame ms', 'pan median ms', 'pan p95 ms', 'pan max ms', 'nodes drawn'].join('\t'));
  try {
    for (const target of TARGETS) {
      // The smallest prefix of the corpus whose co-author network reaches the target.
      let chosen = files;
      for (let count = 1; count <= files.length; count = Math.min(files.length, Math.ceil(count * 1.25))) {
        chosen = files.slice(0, count);
        const { records } = await readDigests(chosen, { diagnostics: new Diagnostics() });
        const { view } = coauthorView((await buildKnowledgeGraph(records, { taxonomy })).graph);
        if (view.order + view.size >= target || count === files.length) break;
      }
      const dir = await mkdtemp(path.join(tmpdir(), 'arxiv-kg-bench-viewer-'));
      await runBuild(chosen, { outDir: dir, exporters: parseFormats('html'), seed: 42, resolution: 1, base: DEFAULT_BASE, diagnostics: new Diagnostics() });
      const file = path.join(dir, 'index.html');
      const { size } = await stat(file);
      const result = await measurePage(browser, file);
      const { firstFrameMs, pan } = result;
      console.log(
        [target, chosen.length, result.order, result.size, fixed(size / 1e6, 1), Math.round(firstFrameMs), fixed(pan.median), fixed(pan.p95), fixed(pan.max), result.drawn].join('\t'),
      );
      if (target === 20_000) {
        console.log(`first frame at ~20k: ${Math.round(firstFrameMs)} ms (target < ${FIRST_FRAME_TARGET_MS} ms: ${firstFrameMs < FIRST_FRAME_TARGET_MS ? 'met' : 'NOT met'})`);
      }
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
}
