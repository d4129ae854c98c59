// The session machine as a picture, drawn from its tables (src/session/transitions.ts): one box per
// phase with its entry and exit effects, one arrow per (from, to) pair listing every row that takes it.
// Where the boxes stand is fixed here; what the arrows say comes only from the table, so the picture
// in docs/session-machine.svg changes exactly when the table does (a test compares the two).
import { escapeXml } from './svg.mjs';

const CHAR_W = 6.7; // 11 px monospace, as in the timelines
const LINE_H = 13;
const BOX_W = 250;
const COLORS = { Idle: '#6b6b6b', Logining: '#d98b00', Reconnecting: '#d98b00', Logined: '#2e8b57' };

// The active phases in a row (the way a session goes), Idle below them all: every phase can end there.
const ROW_Y = 330;
const IDLE_Y = 700;
const COLUMN_X = { Logining: 260, Logined: 820, Reconnecting: 1380 };

/**
 * The SVG document (a string). `tables`: { TRANSITIONS, PHASE_EFFECTS, ZegoRoomStateChangedReason }
 * as the package exports them.
 */
export function renderMachineSvg({ TRANSITIONS, PHASE_EFFECTS, ZegoRoomStateChangedReason: R }) {
  const phases = Object.keys(TRANSITIONS);
  for (const p of phases)
    if (p !== 'Idle' && !(p in COLUMN_X)) throw new Error(`diagram: no place for phase ${p} (cli/diagram.mjs)`);
  const columns = phases.filter((p) => p !== 'Idle');
  const left = Math.min(...columns.map((p) => COLUMN_X[p])) - BOX_W / 2;
  const right = Math.max(...columns.map((p) => COLUMN_X[p])) + BOX_W / 2;

  const boxes = {};
  for (const p of phases) {
    const lines = [
      ['entry', PHASE_EFFECTS[p].entry],
      ['exit', PHASE_EFFECTS[p].exit],
    ].filter(([, e]) => e.length > 0);
    const h = 26 + LINE_H * lines.length + 6;
    const w = p === 'Idle' ? right - left : BOX_W;
    const cx = p === 'Idle' ? (left + right) / 2 : COLUMN_X[p];
    const cy = p === 'Idle' ? IDLE_Y : ROW_Y;
    boxes[p] = { p, cx, cy, w, h, x: cx - w / 2, y: cy - h / 2, lines };
  }

  // The rows grouped by arrow, in table order.
  const arrows = new Map();
  for (const from of phases) {
    for (const [input, row] of Object.entries(TRANSITIONS[from])) {
      const key = `${from}>${row.next}`;
      if (!arrows.has(key)) arrows.set(key, { from, to: row.next, rows: [] });
      arrows.get(key).rows.push({ input, row });
    }
  }
  const labelOf = ({ input, row }) => {
    const code = row.code === 'input' ? 'code' : String(row.code ?? 0);
    const head = row.reason === undefined ? input : `${input} → ${R[row.reason]} ${code}`;
    return row.effects.length ? [head, row.effects.join(', ')] : [head];
  };

  const out = [];
  let maxX = right;
  let minY = Infinity;
  const text = (x, y, s, attrs = '') => `<text x="${x}" y="${y}" font-size="11"${attrs}>${escapeXml(s)}</text>`;
  /** A label block: one line per row (and its effects, in grey), anchored at (x, y) top-left or top-right. */
  const block = (x, y, rows, anchor) => {
    const parts = [];
    let ly = y;
    for (const r of rows) {
      labelOf(r).forEach((line, i) => {
        // The effects line, grey, indented under its row.
        const lx = i && anchor !== 'end' ? x + 12 : x;
        parts.push(
          `<g class="row" data-row="${escapeXml(r.from)} ${escapeXml(r.input)}">${text(lx, ly, line, `${anchor === 'end' ? ' text-anchor="end"' : ''}${i ? ' fill="#777"' : ''}`)}</g>`,
        );
        maxX = Math.max(maxX, anchor === 'end' ? lx : lx + line.length * CHAR_W);
        minY = Math.min(minY, ly - LINE_H);
        ly += LINE_H;
      });
    }
    return { svg: parts.join(''), height: ly - y };
  };
  const lineCount = (rows) => rows.reduce((n, r) => n + labelOf(r).length, 0);

  for (const a of arrows.values()) {
    const rows = a.rows.map((r) => ({ ...r, from: a.from }));
    const from = boxes[a.from],
      to = boxes[a.to];
    const g = [`<g class="arrow" data-from="${a.from}" data-to="${a.to}">`];
    if (a.from === a.to) {
      // A loop over the box, its rows above it.
      const top = from.y;
      g.push(
        `<path d="M${from.cx - 30} ${top} C${from.cx - 30} ${top - 34} ${from.cx + 30} ${top - 34} ${from.cx + 30} ${top}" fill="none" stroke="#555" marker-end="url(#arrow)"/>`,
      );
      const n = lineCount(rows);
      g.push(block(from.cx - BOX_W / 2 + 8, top - 40 - LINE_H * (n - 1), rows, 'start').svg);
    } else if (a.to === 'Idle' || a.from === 'Idle') {
      // Vertical, between a phase of the row and Idle: down on the right of the column, up on its left.
      const col = a.to === 'Idle' ? from : to;
      const down = a.to === 'Idle';
      const both = arrows.has(`${a.to}>${a.from}`);
      const x = col.cx + (both ? (down ? 40 : -40) : 0);
      const y1 = down ? col.y + col.h : boxes.Idle.y;
      const y2 = down ? boxes.Idle.y : col.y + col.h;
      g.push(`<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2}" stroke="#555" marker-end="url(#arrow)"/>`);
      const n = lineCount(rows);
      const mid = (col.y + col.h + boxes.Idle.y) / 2;
      g.push(block(down ? x + 8 : x - 8, mid - (LINE_H * n) / 2 + 10, rows, down ? 'start' : 'end').svg);
    } else {
      // Horizontal, between two phases of the row: rightwards above the middle, leftwards below.
      const rightwards = to.cx > from.cx;
      const both = arrows.has(`${a.to}>${a.from}`);
      const y = from.cy + (both ? (rightwards ? -12 : 12) : 0);
      const x1 = rightwards ? from.x + from.w : from.x;
      const x2 = rightwards ? to.x : to.x + to.w;
      g.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="#555" marker-end="url(#arrow)"/>`);
      const n = lineCount(rows);
      const lx = Math.min(x1, x2) + 10;
      g.push(block(lx, rightwards ? y - 6 - LINE_H * (n - 1) : y + 16, rows, 'start').svg);
    }
    g.push('</g>');
    out.push(g.join(''));
  }

  const boxSvg = Object.values(boxes).map((b) =>
    [
      `<g class="phase" data-phase="${b.p}">`,
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="white" stroke="${COLORS[b.p] ?? '#333'}" stroke-width="2.5"/>`,
      `<text x="${b.cx}" y="${b.y + 19}" font-size="14" font-weight="bold" text-anchor="middle" font-family="sans-serif" fill="${COLORS[b.p] ?? '#333'}">${escapeXml(b.p)}</text>`,
      ...b.lines.map(([kind, effects], i) =>
        text(b.cx, b.y + 26 + LINE_H * (i + 1), `${kind}: ${effects.join(', ')}`, ' text-anchor="middle" fill="#444"'),
      ),
      '</g>',
    ].join(''),
  );

  const title = 'The session machine of one room (src/session/transitions.ts)';
  const note =
    "Arrow label: input → reason the app sees and its code (code = the driver's); grey: the row's own effects. " +
    "A step runs the exit effects of the phase left, the entry effects of the phase entered, then the row's effects.";
  const shift = Math.ceil(70 - minY); // up or down: the top label block starts under the title
  const width = Math.ceil(maxX + 30);
  const height = Math.ceil(IDLE_Y + boxes.Idle.h / 2 + 40 + shift);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="#555"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="16" y="26" font-size="15" font-weight="bold" font-family="sans-serif">${escapeXml(title)}</text>`,
    `<text x="16" y="44" font-size="11" fill="#555">${escapeXml(note)}</text>`,
    `<g transform="translate(0 ${shift})">`,
    ...out,
    ...boxSvg,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
