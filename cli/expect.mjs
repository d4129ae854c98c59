// Expectations: a user's callbacks (filtered by `only` and `room`) must be exactly the listed
// sequence. A failure is reported as a line diff: "-" expected but missing, "+" seen but not expected.
import { DEFAULT_ONLY } from './validate.mjs';

/** Returns one failure string per expectation that does not hold. */
export function checkExpectations(expectations, events) {
  const failures = [];
  expectations.forEach((e, i) => {
    const only = e.only ?? DEFAULT_ONLY;
    const actual = events.filter(
      (ev) =>
        ev.kind === 'callback' &&
        ev.user === e.user &&
        only.includes(ev.callback) &&
        (e.room === undefined || ev.room === e.room),
    );
    const expected = e.callbacks.map(parseExpected);
    const diff = diffLines(expected, actual);
    if (diff.some((d) => d.op !== ' ')) {
      const scope = `user ${e.user}${e.room !== undefined ? `, room ${e.room}` : ''}, callbacks ${only.join('/')}`;
      const lines = [`expect[${i}] failed (${scope}):`];
      for (const d of diff) lines.push(`  ${d.op} ${d.line}`);
      failures.push(lines.join('\n'));
    }
  });
  return failures;
}

/** "92000 onRoomUserUpdate room1 Delete A" → { t: 92000, text }; without a leading time, t is null (not checked). */
export function parseExpected(line) {
  const parts = line.trim().split(/\s+/);
  const t = /^-?\d+$/.test(parts[0]) ? Number(parts.shift()) : null;
  return { t, text: parts.join(' ') };
}

const same = (exp, ev) => exp.text === ev.text && (exp.t === null || exp.t === ev.t);

/** Above this many table cells (expected × received lines) the diff is made line by line instead. */
const MAX_LCS_CELLS = 4_000_000;

// Longest common subsequence over small lists (tens of lines): plenty fast and gives a readable diff.
function diffLines(expected, actual) {
  const n = expected.length,
    m = actual.length;
  if ((n + 1) * (m + 1) > MAX_LCS_CELLS) return lineByLine(expected, actual);
  const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i][j] = same(expected[i], actual[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
  }
  const out = [];
  let i = 0,
    j = 0;
  const exp = (x) => (x.t === null ? x.text : `${x.t} ${x.text}`);
  const act = (ev) => `${ev.t} ${ev.text}`;
  while (i < n || j < m) {
    if (i < n && j < m && same(expected[i], actual[j])) {
      out.push({ op: ' ', line: act(actual[j]) });
      i++;
      j++;
    } else if (i < n && (j === m || L[i + 1][j] >= L[i][j + 1])) {
      out.push({ op: '-', line: exp(expected[i]) });
      i++;
    } else {
      out.push({ op: '+', line: act(actual[j]) });
      j++;
    }
  }
  return out;
}

/** For huge lists: position by position (bounded memory); every difference still shows as - and +. */
function lineByLine(expected, actual) {
  const out = [];
  const exp = (x) => (x.t === null ? x.text : `${x.t} ${x.text}`);
  for (let k = 0; k < Math.max(expected.length, actual.length); k++) {
    const e = expected[k],
      a = actual[k];
    if (e && a && same(e, a)) {
      out.push({ op: ' ', line: `${a.t} ${a.text}` });
      continue;
    }
    if (e) out.push({ op: '-', line: exp(e) });
    if (a) out.push({ op: '+', line: `${a.t} ${a.text}` });
  }
  return out;
}
