// Expectations: a user's callbacks (filtered by `only` and `room`) must be exactly the listed
// sequence. A failure is reported as a line diff: "-" expected but missing, "+" seen but not expected.
import { DEFAULT_ONLY } from './validate.mjs';

/** Returns one failure string per expectation that does not hold. */
export function checkExpectations(expectations, events) {
  const failures = [];
  expectations.forEach((e, i) => {
    const only = e.only ?? DEFAULT_ONLY;
    const actual = events.filter((ev) => ev.kind === 'callback' && ev.user === e.user && only.includes(ev.callback)
      && (e.room === undefined || ev.room === e.room));
    const expected = e.callbacks.map(parseExpected);
    const diff = diffLines(expected, actual);
    if (diff.some((d) => d.op !== ' ')) {
      const scope = `user ${e.user}${e.room !== undefined ? `, room ${e.room}` : ''}, callbacks ${only.join('/')}`;
      failures.push([`expect[${i}] failed (${scope}):`, ...diff.map((d) => `  ${d.op} ${d.line}`)].join('\n'));
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

// Longest common subsequence over small lists (tens of lines): plenty fast and gives a readable diff.
function diffLines(expected, actual) {
  const n = expected.length, m = actual.length;
  const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i][j] = same(expected[i], actual[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  const exp = (x) => (x.t === null ? x.text : `${x.t} ${x.text}`);
  const act = (ev) => `${ev.t} ${ev.text}`;
  while (i < n || j < m) {
    if (i < n && j < m && same(expected[i], actual[j])) { out.push({ op: ' ', line: act(actual[j]) }); i++; j++; }
    else if (i < n && (j === m || L[i + 1][j] >= L[i][j + 1])) { out.push({ op: '-', line: exp(expected[i]) }); i++; }
    else { out.push({ op: '+', line: act(actual[j]) }); j++; }
  }
  return out;
}
