// Timeline pictures in the spirit of the source document's figures: one lane per user, T marks,
// the 90 s / 20 min spans. The time axis is broken: every moment that matters gets a column, and a
// long quiet stretch is drawn as a break labelled with its real length, so 120 ms and 20 min both read.
import { formatDuration, formatTime } from './timeline.mjs';
import { TIMELINE_STYLE } from './timelineStyle.mjs';

const { LEFT, RIGHT, CHAR_W, MIN_COL, MAX_COL, BREAK_W, LINE_H, COLORS } = TIMELINE_STYLE;

const SHOWN = new Set(['onRoomStateChanged', 'onRoomUserUpdate', 'onRoomTokenWillExpire', 'onDebugError']);

export function escapeXml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What the picture shows of an event: label and colour, or null for events left to the printed timeline. */
function figureItem(ev, manyRooms) {
  const room = manyRooms && ev.room ? `${ev.room}: ` : '';
  if (ev.kind === 'step') return ev.action === 'advance' ? null : { label: ev.text, color: '#333333', shape: 'step' };
  if (ev.kind !== 'callback' || !SHOWN.has(ev.callback)) return null;
  switch (ev.callback) {
    case 'onRoomStateChanged':
      return { label: `${room}${ev.reason} ${ev.errorCode}`, color: COLORS[ev.reason] ?? '#333333', shape: 'state' };
    case 'onRoomUserUpdate':
      return { label: `${room}UserUpdate ${ev.updateType} ${ev.users.join(',')}`, color: '#1f6fb2', shape: 'user' };
    case 'onRoomTokenWillExpire':
      return { label: `${room}TokenWillExpire ${ev.remainTimeInSecond} s`, color: '#7b3fa0', shape: 'user' };
    default:
      return { label: `DebugError ${ev.errorCode}`, color: '#c62828', shape: 'user' };
  }
}

/** The SVG document (a string) for one scenario run. */
export function renderSvg(scenario, result, spansIn = scenario.spans ?? []) {
  const rooms = new Set(result.events.filter((e) => e.room).map((e) => e.room));
  const items = [];
  for (const ev of result.events) {
    const it = figureItem(ev, rooms.size > 1);
    if (it) items.push({ ...it, t: ev.t, user: ev.user, mark: ev.mark });
  }
  const markAt = new Map(result.marks.map((m) => [m.name, m.t]));
  const spans = spansIn
    .filter((s) => markAt.has(s.from))
    .map((s) => ({ ...s, t1: markAt.get(s.from), t2: markAt.get(s.from) + s.ms }));

  // Columns: every time something is drawn at, plus span ends and the end of the run.
  const timeSet = new Set([result.end]);
  for (const i of items) timeSet.add(i.t);
  for (const m of result.marks) timeSet.add(m.t);
  for (const s of spans) {
    timeSet.add(s.t1);
    timeSet.add(s.t2);
  }
  const times = [...timeSet].sort((a, b) => a - b);
  const col = new Map(times.map((t, i) => [t, i]));

  // Per lane and column: the labels stacked under the lane line.
  const stacks = new Map(result.lanes.map((l) => [l, times.map(() => [])]));
  for (const it of items)
    (stacks.get(it.user) ??
      stacks
        .set(
          it.user,
          times.map(() => []),
        )
        .get(it.user))[col.get(it.t)].push(it);
  const lanes = [...stacks.keys()];

  const widths = times.map((t, i) => {
    let chars = 0;
    for (const l of lanes) for (const it of stacks.get(l)[i]) chars = Math.max(chars, it.label.length);
    const w = Math.min(MAX_COL, Math.max(MIN_COL, chars * CHAR_W + 18));
    return i + 1 < times.length && times[i + 1] - t >= 1000 ? w + BREAK_W : w;
  });
  const xs = [];
  let x = LEFT;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const width = Math.ceil(x - widths[widths.length - 1] + Math.max(MIN_COL, widths[widths.length - 1]) + RIGHT);
  const X = (t) => xs[col.get(t)];

  const out = [];
  let y = 26;
  out.push(
    `<text x="16" y="${y}" font-size="15" font-weight="bold" font-family="sans-serif">${escapeXml(scenario.title ?? scenario.name)}</text>`,
  );
  y += 16;

  // Spans above the lanes, one row each.
  for (const s of spans) {
    y += 22;
    const x1 = X(s.t1),
      x2 = X(s.t2);
    out.push(
      `<g class="span" data-label="${escapeXml(s.label)}">` +
        `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="#555" stroke-width="1.5"/>` +
        `<line x1="${x1}" y1="${y - 5}" x2="${x1}" y2="${y + 5}" stroke="#555"/><line x1="${x2}" y1="${y - 5}" x2="${x2}" y2="${y + 5}" stroke="#555"/>` +
        `<text x="${(x1 + x2) / 2}" y="${y - 5}" font-size="11" text-anchor="middle" fill="#333">${escapeXml(s.label)}</text></g>`,
    );
  }
  y += 26;
  const marksY = y;
  y += 10;

  // Lanes.
  const laneYs = [];
  for (const l of lanes) {
    let depth = 1;
    for (const c of stacks.get(l)) if (c.length > depth) depth = c.length; // no spread: columns may be many
    const lineY = y + 14;
    laneYs.push(lineY);
    const g = [
      `<g class="lane" data-user="${escapeXml(l)}">`,
      `<text x="16" y="${lineY + 4}" font-size="13" font-weight="bold" font-family="sans-serif">${escapeXml(l)}</text>`,
      `<line x1="${LEFT - 12}" y1="${lineY}" x2="${width - RIGHT + 10}" y2="${lineY}" stroke="#c8c8c8" stroke-width="3"/>`,
    ];
    stacks.get(l).forEach((cell, i) =>
      cell.forEach((it, k) => {
        const cx = xs[i];
        if (k === 0)
          g.push(
            it.shape === 'step'
              ? `<path d="M${cx} ${lineY - 6} L${cx + 5} ${lineY} L${cx} ${lineY + 6} L${cx - 5} ${lineY} Z" fill="${it.color}"/>`
              : `<circle cx="${cx}" cy="${lineY}" r="4.5" fill="${it.color}"/>`,
          );
        const style = it.shape === 'step' ? ' font-style="italic"' : '';
        g.push(
          `<text x="${cx + 4}" y="${lineY + 17 + LINE_H * k}" font-size="11" fill="${it.color}"${style}>${escapeXml(it.label)}</text>`,
        );
      }),
    );
    g.push('</g>');
    out.push(g.join(''));
    y += 22 + LINE_H * depth + 12;
  }
  const axisY = y + 8;

  // Breaks in the axis (and on each lane line) where a long stretch was compressed.
  times.forEach((t, i) => {
    if (i + 1 >= times.length || times[i + 1] - t < 1000) return;
    const bx = xs[i + 1] - BREAK_W / 2;
    const marks = [...laneYs, axisY]
      .map(
        (ly) =>
          `<rect x="${bx - 4}" y="${ly - 3}" width="8" height="6" fill="white"/><line x1="${bx - 6}" y1="${ly + 6}" x2="${bx - 1}" y2="${ly - 6}" stroke="#888"/><line x1="${bx + 1}" y1="${ly + 6}" x2="${bx + 6}" y2="${ly - 6}" stroke="#888"/>`,
      )
      .join('');
    out.push(
      `<g class="break">${marks}<text x="${bx}" y="${axisY - 9}" font-size="9.5" text-anchor="middle" fill="#777">+${escapeXml(formatDuration(times[i + 1] - t))}</text></g>`,
    );
  });

  // T marks: a dashed line through every lane.
  for (const m of result.marks) {
    const mx = X(m.t);
    out.push(
      `<g class="mark" data-mark="${escapeXml(m.name)}"><line x1="${mx}" y1="${marksY + 4}" x2="${mx}" y2="${axisY}" stroke="#999" stroke-dasharray="3 3"/>` +
        `<text x="${mx}" y="${marksY}" font-size="12" font-weight="bold" text-anchor="middle" font-family="sans-serif">${escapeXml(m.name)}</text></g>`,
    );
  }

  // Axis with a tick and the time since T0 at every column.
  const ticks = times
    .map(
      (t, i) =>
        `<line x1="${xs[i]}" y1="${axisY}" x2="${xs[i]}" y2="${axisY + 5}" stroke="#555"/>` +
        `<text x="${xs[i]}" y="${axisY + 17}" font-size="9.5" text-anchor="middle" fill="#444">${formatTime(t)}</text>`,
    )
    .join('');
  out.push(
    `<g class="axis"><line x1="${LEFT - 12}" y1="${axisY}" x2="${width - RIGHT + 10}" y2="${axisY}" stroke="#555"/>${ticks}` +
      `<text x="${LEFT - 12}" y="${axisY + 32}" font-size="9.5" fill="#777">time since T0 (mm:ss.mmm); axis compressed at the breaks</text></g>`,
  );

  const height = Math.ceil(axisY + 44);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace">`,
    `<title>${escapeXml(scenario.title ?? scenario.name)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

/** index.html: every scenario's picture (inlined) and printed timeline. */
export function renderIndexHtml(runs) {
  const nav = runs
    .map(({ scenario }) => `<li><a href="#${escapeXml(scenario.name)}">${escapeXml(scenario.title ?? scenario.name)}</a></li>`)
    .join('\n');
  const sections = runs
    .map(({ scenario, result, svg, text }) =>
      [
        `<section id="${escapeXml(scenario.name)}">`,
        `<h2>${escapeXml(scenario.title ?? scenario.name)}</h2>`,
        scenario.description ? `<p>${escapeXml(scenario.description)}</p>` : '',
        `<p class="${result.failures.length ? 'bad' : 'ok'}">${result.failures.length ? `${result.failures.length} expectation(s) FAILED` : 'expectations hold'}` +
          ` · <a href="${escapeXml(scenario.name)}.svg">${escapeXml(scenario.name)}.svg</a></p>`,
        `<div class="figure">${svg.replace(/^<svg /, '<svg class="timeline" ')}</div>`,
        `<details><summary>printed timeline</summary><pre>${escapeXml(text)}</pre></details>`,
        '</section>',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>zego-room-bridge demo: room connection timelines</title>
<style>
body { font-family: sans-serif; margin: 24px; color: #222; background: #fafafa; }
section { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; margin: 18px 0; }
.figure { overflow-x: auto; }
svg.timeline { max-width: 100%; height: auto; }
.ok { color: #2e7d32; } .bad { color: #c62828; font-weight: bold; }
pre { font-size: 12px; overflow-x: auto; }
</style>
</head>
<body>
<h1>zego-room-bridge: room connection timelines</h1>
<p>Played by <code>zego-room-bridge demo</code> on the simulated room service and virtual time (seeded), through the package's public API.
Lanes are users; T0…T6 follow the source document's figures; times are since T0.</p>
<ul>
${nav}
</ul>
${sections}
</body>
</html>
`;
}
