// `zego-room-bridge draw`: a trace recorded through createEngine({ trace }) from a simulated session of
// reconnection case 2 is drawn as the demo's case-2 picture (same lanes, T marks, spans and callbacks);
// malformed trace files exit 2 naming the problem.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SimulatedRoomService, VirtualClock, ZegoExpressEngine, seededRandom, type TraceRecord } from '../src/index';
import { launchChromium } from './chromium';
import { cli, root } from './demoHelpers';

jest.setTimeout(60_000);

const T0 = 1_700_000_000_000;
let dir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  dir = mkdtempSync(join(tmpdir(), 'zrb-trace-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Reconnection case 2 (scenarios/03-reconnect-back-after-90s.json) played on the public API, every engine traced. */
function recordCase2(): TraceRecord[] {
  const clock = new VirtualClock(T0 - 1000);
  const service = new SimulatedRoomService({ clock });
  const records: TraceRecord[] = [];
  const make = (user: string, seed: number) => {
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: service.createDriver(user),
      clock,
      random: seededRandom(seed),
      id: `device-${user}`,
      trace: (r) => records.push(r),
      logger: { warn: () => undefined, error: () => undefined },
    });
    return {
      engine,
      login: () => engine.loginRoom('room1', { userID: user, userName: user }, { isUserStatusNotify: true }, () => undefined),
    };
  };
  const [a, b] = [make('A', 1), make('B', 2)];
  const at = (ms: number) => clock.advanceSync(T0 + ms - clock.now());
  b.login();
  at(0);
  a.login();
  at(10_000);
  service.setNetwork('A', false);
  at(310_000);
  service.setNetwork('A', true);
  a.engine.setNetworkReachable(true);
  at(370_000);
  return records;
}

interface Drawn {
  error: string | null;
  lanes: string[];
  marks: string[];
  spans: string[];
  items: Record<string, Array<{ label: string; step: boolean }>>;
  ticks: string[];
}

function parseSvg(svg: string): Promise<Drawn> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    const all = (sel: string, attr: string) => Array.from(doc.querySelectorAll(sel)).map((e) => e.getAttribute(attr) ?? '');
    const items: Record<string, Array<{ label: string; step: boolean }>> = {};
    for (const lane of Array.from(doc.querySelectorAll('g.lane'))) {
      // The first text is the lane's name; the others are the labels under the lane line.
      items[lane.getAttribute('data-user') ?? ''] = Array.from(lane.querySelectorAll('text'))
        .slice(1)
        .map((t) => ({ label: t.textContent ?? '', step: t.getAttribute('font-style') === 'italic' }));
    }
    return {
      error: err ? err.textContent : null,
      lanes: all('g.lane', 'data-user'),
      marks: all('g.mark', 'data-mark'),
      spans: all('g.span', 'data-label'),
      items,
      ticks: Array.from(doc.querySelectorAll('g.axis > text'))
        .map((t) => t.textContent ?? '')
        .filter((t) => /^-?\d\d:\d\d\.\d{3}$/.test(t)),
    };
  }, svg);
}

test("a traced case-2 session is drawn as the demo's case-2 picture", async () => {
  const scenario = JSON.parse(readFileSync(join(root, 'scenarios', '03-reconnect-back-after-90s.json'), 'utf8'));
  // The scenario's event marks as they are, and its two step marks as what the trace shows of those steps.
  const byName = new Map<string, unknown>(scenario.marks.map((m: { name: string }) => [m.name, m]));
  byName.set('T0', { name: 'T0', user: 'A', event: 'loginRoom room1' });
  byName.set('T3', { name: 'T3', user: 'A', event: 'driver onLinkLost' });
  const marks = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map((n) => byName.get(n));
  const file = join(dir, 'case2.json');
  writeFileSync(file, JSON.stringify({ title: scenario.title, marks, spans: scenario.spans, records: recordCase2() }));

  const r = cli(['draw', file, '--out', dir]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^wrote .*case2\.svg \(2 lanes, \d+ records\)\n$/);

  const drawn = await parseSvg(readFileSync(join(dir, 'case2.svg'), 'utf8'));
  const demo = await parseSvg(readFileSync(join(root, 'docs', 'demo-case2.svg'), 'utf8'));
  expect(drawn.error).toBeNull();
  expect(drawn.lanes).toEqual(['A', 'B']);
  expect(drawn.lanes).toEqual(demo.lanes);
  expect(drawn.marks).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
  expect(drawn.marks).toEqual(demo.marks);
  expect(drawn.spans).toEqual(demo.spans);
  // Every callback label of each lane, in order; the steps are the app's calls (the demo also shows the simulator's network steps).
  for (const lane of demo.lanes) {
    expect(drawn.items[lane].filter((i) => !i.step)).toEqual(demo.items[lane].filter((i) => !i.step));
    expect(drawn.items[lane].filter((i) => i.step).map((i) => i.label)).toEqual(
      demo.items[lane].filter((i) => i.step && !i.label.startsWith('network ')).map((i) => i.label),
    );
  }
  expect(drawn.items.A.filter((i) => !i.step).map((i) => i.label)).toEqual([
    'Logining 0',
    'Logined 0',
    'UserUpdate Add B',
    'Reconnecting 1002051',
    'Reconnected 0',
  ]);
  // The same time axis (times since T0) but for the last column: the demo ends at its final `advance`
  // step (06:10), a trace at its last record (B's and A's online-count update at 05:29.120).
  const axis = demo.ticks.filter((t) => t !== '06:10.000');
  axis.splice(axis.indexOf('20:10.000'), 0, '05:29.120');
  expect(drawn.ticks).toEqual(axis);
});

test('JSON Lines (ZegoRoomBridgeSettings.TraceFile) draw without marks: lanes named by user, times since the first record', async () => {
  const file = join(dir, 'device.jsonl');
  writeFileSync(
    file,
    recordCase2()
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const r = cli(['draw', file, '--out', dir]);
  expect(r.status).toBe(0);
  const drawn = await parseSvg(readFileSync(join(dir, 'device.svg'), 'utf8'));
  expect(drawn.error).toBeNull();
  expect(drawn.lanes).toEqual(['A', 'B']);
  expect(drawn.marks).toEqual([]);
  expect(drawn.ticks[0]).toBe('00:00.000'); // B's loginRoom, the first thing drawn, at the first record's time
  expect(drawn.ticks).toContain('05:11.120'); // A's Reconnected: 310.120 s after T0, 311.120 s after the first record
});

describe('malformed trace files: exit 2 with the problem named', () => {
  const good = { t: 0, engine: 'e1', kind: 'call', name: 'loginRoom', room: 'r', args: ['r', { userID: 'A' }, {}] };
  test.each([
    ['not JSON', '{"records": [', '(file): not valid JSON'],
    ['a bad JSON Lines line', `${JSON.stringify(good)}\n{"t": 1,\n`, 'line 2: not valid JSON'],
    ['no records field', '{"events": []}', '(file): a trace is a JSON array of records, an object with "records", or JSON Lines'],
    ['no records', '[]', 'records: no records (was tracing on?)'],
    ['a record without a time', JSON.stringify([good, { ...good, t: 'soon' }]), 'records[1].t: must be a number (ms)'],
    [
      'an unknown kind',
      JSON.stringify([{ ...good, kind: 'log' }]),
      'records[0].kind: must be one of call, driver, transition, event',
    ],
    [
      'a transition without its phases',
      JSON.stringify([{ t: 0, engine: 'e1', kind: 'transition', room: 'r', input: 'login' }]),
      'records[0].from: must be a string',
    ],
    [
      'a mark without a pattern',
      JSON.stringify({ records: [good], marks: [{ name: 'T0', user: 'A' }] }),
      'marks[0]: needs "name", "user" (a lane) and "event" (a pattern), all strings',
    ],
  ])('%s', (_what, text, problem) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = cli(['draw', file, '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: invalid trace file\n`);
    expect(r.stderr).toContain(`  ${problem}`);
    expect(r.stdout).toBe('');
  });

  test('a missing file and a missing argument', () => {
    const missing = cli(['draw', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope.json')}: cannot read: ENOENT\n`);
    const none = cli(['draw']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('zego-room-bridge draw: give one or more trace files');
  });

  test('a mark that matches nothing is drawn without it and exits 1', () => {
    const file = join(dir, 'unmatched.json');
    writeFileSync(
      file,
      JSON.stringify({
        records: [{ t: 0, engine: 'e1', kind: 'call', name: 'loginRoom', room: 'r', args: ['r', { userID: 'A' }, {}] }],
        marks: [{ name: 'T1', user: 'A', event: 'onRoomStateChanged r Logined' }],
      }),
    );
    const r = cli(['draw', file, '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('unmatched: mark T1: lane A has no event "onRoomStateChanged r Logined" after the previous mark\n');
  });
});
