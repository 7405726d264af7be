/**
 * The viewer page in a real headless Chromium (Debian's chromium, driven by playwright-core, with
 * the flags ../shared/tools/README.md gives for WebGL there): built from the sample and from a digest
 * of hostile text, opened from a file:// URL. Fails, never skips, when chromium is missing.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build.js';
import { SAMPLE_DIGEST } from '../../src/cli.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseFormats } from '../../src/export/formats.js';
import { DEFAULT_BASE } from '../../src/export/rdf/vocabulary.js';
import { writeViewer } from '../../src/export/html.js';
import { writeOutputs } from '../../src/export/outputFiles.js';
import { launchChromium } from '../helpers/chromium.js';
import { drawnAnalysis } from '../helpers/drawnAnalysis.js';
import { tempDir } from '../helpers/tempDir.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile-digest.md');
/** Screenshots kept after the run (git ignores the folder). */
const ARTEFACTS = path.join(ROOT, 'test-artifacts');
let browser: Browser;
const pages: Record<'sample' | 'hostile' | 'cut', string> = { sample: '', hostile: '', cut: '' };

beforeAll(async () => {
  for (const [name, input] of [['sample', SAMPLE_DIGEST], ['hostile', HOSTILE]] as const) {
    const outDir = await tempDir(`arxiv-kg-viewer-${name}-`);
    await runBuild([input], { outDir, exporters: parseFormats('html'), seed: 42, resolution: 1, base: DEFAULT_BASE, diagnostics: new Diagnostics() });
    pages[name] = pathToFileURL(path.join(outDir, 'index.html')).href;
  }
  // The sample's page as a corpus too big for one page would get it: each view cut to 40 nodes.
  const cutDir = await tempDir('arxiv-kg-viewer-cut-');
  const analysis = await drawnAnalysis();
  await writeOutputs(cutDir, new Map([['index.html', (sink) => writeViewer(analysis, sink, { nodes: 40, edges: 200 })]]));
  pages.cut = pathToFileURL(path.join(cutDir, 'index.html')).href;
  await mkdir(ARTEFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
  requests: string[];
}

/** Open a page, recording console errors, uncaught exceptions, dialogs and any request off the file. */
async function open(url: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const opened: Opened = { page, errors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(String(e)));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) opened.requests.push(r.url());
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { sigma?: unknown }).sigma !== undefined);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return opened;
}

/** Share of the graph area's pixels that are not the background. */
async function drawnShare(page: Page): Promise<number> {
  const png = await page.locator('#graph').screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 245 || (data[i + 1] as number) < 245 || (data[i + 2] as number) < 245) drawn++;
    return drawn / (data.length / 4);
  }, png.toString('base64'));
}

describe('the viewer of the sample', () => {
  it('opens from a file:// URL with no console error, asks nothing of the network, and draws the graph', async () => {
    const { page, errors, requests } = await open(pages.sample);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { sigma: { getGraph(): { order: number } } }).sigma.getGraph().order)).toBe(152);
    expect(await drawnShare(page)).toBeGreaterThan(0.01);
    await page.screenshot({ path: path.join(ARTEFACTS, 'viewer-sample.png') });
    await page.close();
  });

  it('finds an author as you type and opens the panel with their papers', async () => {
    const { page, errors } = await open(pages.sample);
    await page.fill('#search', 'Jiangzhou');
    await page.click('#results button:has-text("Jiangzhou Wang")');
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Jiangzhou Wang');
    const papers = await page.locator('#panel ul').first().locator('li').allTextContents();
    expect(papers).toEqual([
      'Experimental Performance of Bidirectional Phase Coherent Transmission and Sensing for mmWave Cell-free Massive MIMO Systems with Reciprocity Calibration',
    ]);
    expect(await page.locator('#panel').textContent()).toContain('Co-authors (11)');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sel=author%3Ajiangzhou+wang');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reopens the same view, selection and filters from a copied link', async () => {
    const { page } = await open(`${pages.sample}#view=full&color=type&sel=author%3Ajiangzhou+wang&hops=1`);
    expect(await page.locator('#panel h2').textContent()).toBe('Jiangzhou Wang');
    expect(await page.locator('#view').inputValue()).toBe('full');
    expect(await page.locator('#color').inputValue()).toBe('type');
    expect(await page.locator('#hops').inputValue()).toBe('1');
    // One hop around an author in the full graph: the author and their one paper.
    const visible = await page.evaluate(() => {
      const s = (window as unknown as { sigma: { getGraph(): { nodes(): string[] }; getNodeDisplayData(n: string): { hidden?: boolean } | undefined } }).sigma;
      return s.getGraph().nodes().filter((n) => s.getNodeDisplayData(n)?.hidden !== true).sort();
    });
    expect(visible).toEqual(['author:jiangzhou wang', 'paper:2601.14648']);
    await page.close();
  });
});

describe('the viewer, more', () => {
  it('finds a keyword by its acronym and by its long form, as one node', async () => {
    const { page } = await open(pages.sample);
    const first = async (text: string) => {
      await page.fill('#search', text);
      await page.waitForSelector('#results.open button');
      return page.locator('#results button').first().getAttribute('data-key');
    };
    expect(await first('ISAC')).toBe('keyword:integr sens and commun');
    expect(await first('integrated sensing and comm')).toBe('keyword:integr sens and commun');
    await page.close();
  });

  it('exports the current view as a PNG that is not blank', async () => {
    const { page, errors } = await open(pages.sample);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
    expect(download.suggestedFilename()).toBe('arxiv-kg-coauthors.png');
    const file = path.join(ARTEFACTS, 'viewer-export.png');
    await download.saveAs(file);
    const share = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 245) drawn++;
      return drawn / (data.length / 4);
    }, (await readFile(file)).toString('base64'));
    expect(share).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts a big view reduced, says so, and shows more on request', async () => {
    const { page } = await open(`${pages.sample}#view=coauthors&limit=40`);
    const drawn = () =>
      page.evaluate(() => {
        const s = (window as unknown as { sigma: { getGraph(): { nodes(): string[] }; getNodeDisplayData(n: string): { hidden?: boolean } | undefined } }).sigma;
        return s.getGraph().nodes().filter((n) => s.getNodeDisplayData(n)?.hidden !== true).length;
      });
    expect(await page.locator('#notice').textContent()).toContain('showing the 40 best-connected of 152 nodes');
    expect(await drawn()).toBe(40);
    await page.click('#notice button:has-text("Show more")');
    expect(await drawn()).toBe(80);
    await page.click('#notice button:has-text("Show all")');
    expect(await drawn()).toBe(152);
    expect(await page.locator('#notice').isHidden()).toBe(true);
    await page.close();
  });
});

describe('the viewer of a page that carries part of each view', () => {
  it('draws what it carries and says how much of the view that is', async () => {
    const { page, errors } = await open(pages.cut);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { sigma: { getGraph(): { order: number } } }).sigma.getGraph().order)).toBe(40);
    expect(await page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toContain("This page carries the 40 best-connected of the view's 152 nodes");
    expect(await drawnShare(page)).toBeGreaterThan(0.01);
    // A paper whose authors the page does not carry still opens its panel.
    await page.selectOption('#view', 'full');
    await page.fill('#search', 'Bidirectional');
    await page.click('#results button >> nth=0');
    await expect.poll(() => page.locator('#panel h2').textContent()).toContain('Bidirectional');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the viewer of hostile text', () => {
  it('shows markup in titles and names as text and runs none of it', async () => {
    const { page, errors, dialogs } = await open(pages.hostile);
    await page.fill('#search', 'Quoted');
    await page.click('#results button:has-text("Quoted")');
    const title = await page.locator('#panel h2').textContent();
    expect(title).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#panel img, #panel script, #panel b').count()).toBe(0);
    expect(await page.locator('#panel').textContent()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
