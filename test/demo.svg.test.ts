// The pictures: each SVG is well-formed XML (Chromium's own XML parser) with the lanes, T marks
// and spans; index.html renders to a non-blank page in headless Chromium; docs/ holds the current ones.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { cli, root } from './demoHelpers';

jest.setTimeout(60_000);

let out: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  out = mkdtempSync(join(tmpdir(), 'zrb-svg-'));
  const r = cli(['demo', '--out', out]);
  expect(r.status).toBe(0);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Parsed {
  error: string | null;
  root: string;
  lanes: string[];
  marks: string[];
  spans: string[];
}

/** Parses with the browser's XML parser (a parse error yields a <parsererror> document). */
function parseSvg(svg: string): Promise<Parsed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    const all = (sel: string, attr: string) => Array.from(doc.querySelectorAll(sel)).map((e) => e.getAttribute(attr) ?? '');
    return {
      error: err ? err.textContent : null,
      root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
      lanes: all('g.lane', 'data-user'),
      marks: all('g.mark', 'data-mark'),
      spans: all('g.span', 'data-label'),
    };
  }, svg);
}

const svgOf = (name: string) => readFileSync(join(out, `${name}.svg`), 'utf8');

test('the parser check works: a broken SVG is reported', async () => {
  expect((await parseSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).error).not.toBeNull();
});

test.each([
  ['login', ['A', 'B'], ['T0', 'T1', 'T2'], []],
  ['reconnect-back-before-90s', ['A', 'B'], ['T0', 'T1', 'T2', 'T3', 'T5'], ['90 s heartbeat timeout']],
  [
    'reconnect-back-after-90s',
    ['A', 'B'],
    ['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
    ['90 s heartbeat timeout', '20 min retry window'],
  ],
  ['reconnect-never-back', ['A', 'B'], ['T0', 'T1', 'T2', 'T3', 'T4', 'T5'], ['90 s heartbeat timeout', '20 min retry window']],
  ['kickout-duplicate-login', ['A', "A'", 'B'], ['T0', 'T1', 'T2'], []],
  ['switch-room', ['A', 'B', 'C'], ['T0', 'T1', 'T2'], []],
])('%s.svg is well-formed SVG with lanes %j, marks %j and spans %j', async (name, lanes, marks, spans) => {
  const p = await parseSvg(svgOf(name));
  expect(p.error).toBeNull();
  expect(p.root).toBe('http://www.w3.org/2000/svg svg');
  expect(p.lanes).toEqual(lanes);
  expect(p.marks).toEqual(marks);
  expect(p.spans).toEqual(spans);
});

test('every written SVG parses', async () => {
  for (const name of ['kickout-server', 'token-login-failed', 'token-expired-kickout', 'multi-room-logout-failed']) {
    expect({ name, error: (await parseSvg(svgOf(name))).error }).toEqual({ name, error: null });
  }
});

test('the broken axis labels the compressed stretches with their real length', () => {
  const svg = svgOf('reconnect-never-back');
  expect(svg).toContain('class="break"');
  expect(svg).toContain('+18 min 30 s'); // T4 (01:40) → T5 (20:10)
  expect(svg).toContain('20:10.000');
});

test('a headless Chromium screenshot of index.html is not blank', async () => {
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  expect(await page.locator('svg.timeline').count()).toBe(10);
  const png = await page.screenshot({ type: 'png' });
  // Decode the PNG in the page and count distinct colours: a blank page has one.
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return { count: seen.size, width: c.width, height: c.height };
  }, png.toString('base64'));
  expect(colours.width).toBe(1400);
  expect(colours.count).toBeGreaterThan(20);
  // The first figure is on screen, with drawn lanes (not just text).
  const box = await page.locator('#login svg.timeline').boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.y).toBeLessThan(900);
});

test('docs/demo-case2.svg and docs/demo-timeline.txt are what the demo produces now', () => {
  // Regenerate with: node cli/zego-room-bridge.mjs run scenarios/03-reconnect-back-after-90s.json > docs/demo-timeline.txt
  // and copy demo-output/reconnect-back-after-90s.svg to docs/demo-case2.svg.
  expect(readFileSync(join(root, 'docs', 'demo-case2.svg'), 'utf8')).toBe(svgOf('reconnect-back-after-90s'));
  const r = cli(['run', 'scenarios/03-reconnect-back-after-90s.json']);
  expect(readFileSync(join(root, 'docs', 'demo-timeline.txt'), 'utf8')).toBe(r.stdout);
});
