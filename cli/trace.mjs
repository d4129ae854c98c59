// Trace files (records of createEngine({ trace }) or ZegoRoomBridgeSettings.Trace, docs/TRACE.md) turned
// into what the demo's renderer draws: one lane per engine (named by the user it logged in as), the app's
// calls as steps, the events it heard as callbacks, optional T marks and spans as in a scenario file.
import { eventText } from './scenario.mjs';

const KINDS = new Set(['call', 'driver', 'transition', 'event']);
const MAX_ERRORS = 20;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string' && v.length > 0;

/**
 * A trace file's text: a JSON array of records, an object `{ records, title?, t0?, marks?, spans? }`, or
 * JSON Lines (one record per line, as ZegoRoomBridgeSettings.TraceFile writes). Returns { trace, errors }.
 */
export function loadTrace(text) {
  let parsed;
  let lines = false;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const rows = text
      .split('\n')
      .map((l, i) => ({ line: i + 1, text: l.trim() }))
      .filter((r) => r.text !== '');
    if (rows.length < 2) return fail(`(file): not valid JSON: ${e.message}`);
    parsed = [];
    for (const r of rows) {
      try {
        parsed.push(JSON.parse(r.text));
      } catch (lineError) {
        return fail(`line ${r.line}: not valid JSON: ${lineError.message}`);
      }
    }
    lines = true;
  }
  const trace = Array.isArray(parsed) ? { records: parsed } : parsed;
  if (!isObject(trace) || !Array.isArray(trace.records)) {
    return fail('(file): a trace is a JSON array of records, an object with "records", or JSON Lines (docs/TRACE.md)');
  }
  const errors = [];
  const at = (i) => (lines ? `line ${i + 1}` : `records[${i}]`);
  if (trace.records.length === 0) errors.push('records: no records (was tracing on?)');
  trace.records.forEach((r, i) => {
    for (const p of recordProblems(r)) errors.push(`${at(i)}${p}`);
  });
  if (trace.title !== undefined && typeof trace.title !== 'string') errors.push('title: must be a string');
  if (trace.t0 !== undefined && !Number.isFinite(trace.t0)) errors.push("t0: must be a number (ms, the records' clock)");
  if (trace.marks !== undefined) {
    if (!Array.isArray(trace.marks)) errors.push('marks: must be an array');
    else
      trace.marks.forEach((m, i) => {
        if (!isObject(m) || !isText(m.name) || !isText(m.user) || !isText(m.event))
          errors.push(`marks[${i}]: needs "name", "user" (a lane) and "event" (a pattern), all strings`);
      });
  }
  if (trace.spans !== undefined) {
    if (!Array.isArray(trace.spans)) errors.push('spans: must be an array');
    else
      trace.spans.forEach((s, i) => {
        if (!isObject(s) || !isText(s.label) || !isText(s.from) || !(Number.isFinite(s.ms) && s.ms >= 0))
          errors.push(`spans[${i}]: needs "label", "from" (a mark) and "ms" (≥ 0)`);
      });
  }
  if (errors.length > MAX_ERRORS)
    errors.splice(MAX_ERRORS, errors.length - MAX_ERRORS, `… and ${errors.length - MAX_ERRORS} more`);
  return errors.length ? { trace: undefined, errors } : { trace, errors };
}

function fail(message) {
  return { trace: undefined, errors: [message] };
}

/** What is wrong with one record (each message starts with the field), or nothing. */
function recordProblems(r) {
  if (!isObject(r)) return [': must be an object (a trace record)'];
  const out = [];
  if (!Number.isFinite(r.t)) out.push('.t: must be a number (ms)');
  if (!isText(r.engine)) out.push('.engine: must be a non-empty string');
  if (!KINDS.has(r.kind)) out.push(`.kind: must be one of ${[...KINDS].join(', ')}`);
  if (r.room !== undefined && typeof r.room !== 'string') out.push('.room: must be a string');
  if (r.kind === 'transition') {
    for (const k of ['from', 'to', 'input']) if (!isText(r[k])) out.push(`.${k}: must be a string`);
  } else if (KINDS.has(r.kind)) {
    if (!isText(r.name)) out.push('.name: must be a string');
    if (!Array.isArray(r.args)) out.push('.args: must be an array');
  }
  return out;
}

/** The text of an app call, as the demo prints its steps. */
function stepText(r) {
  const a = r.args;
  switch (r.name) {
    case 'loginRoom':
      return `loginRoom ${a[0]}${isObject(a[2]) && a[2].token !== undefined ? ' (token)' : ''}`;
    case 'logoutRoom':
      return a.length ? `logoutRoom ${a[0]}` : 'logoutRoom (all rooms)';
    case 'switchRoom':
      return `switchRoom ${a[0]} → ${a[1]}${isObject(a[2]) && a[2].token !== undefined ? ' (token)' : ''}`;
    case 'renewToken':
      return `renewToken ${a[0]} (token)`;
    case 'setNetworkReachable':
      return `setNetworkReachable ${a[0]}`;
    case 'destroy':
      return 'destroyEngine';
    default:
      return r.name;
  }
}

/** An app event record as the scenario runner records a callback (same fields, same text). */
function callbackOf(r, api) {
  const { ZegoRoomStateChangedReason: R, ZegoRoomState, ZegoUpdateType, errorCodeName } = api;
  const a = r.args;
  const withCode = (code) => ({ errorCode: code, errorName: errorCodeName(code) || (code === 0 ? 'Success' : '') });
  switch (r.name) {
    case 'onRoomStateChanged':
      return { room: a[0], reason: R[a[1]] ?? String(a[1]), reasonValue: a[1], ...withCode(a[2]) };
    case 'onRoomStateUpdate':
      return { room: a[0], state: ZegoRoomState[a[1]] ?? String(a[1]), stateValue: a[1], ...withCode(a[2]) };
    case 'onRoomUserUpdate':
      return {
        room: a[0],
        updateType: ZegoUpdateType[a[1]] ?? String(a[1]),
        users: Array.isArray(a[2]) ? a[2].map((u) => (isObject(u) ? u.userID : String(u))) : [],
      };
    case 'onRoomOnlineUserCountUpdate':
      return { room: a[0], count: a[1] };
    case 'onRoomTokenWillExpire':
      return { room: a[0], remainTimeInSecond: a[1] };
    case 'onDebugError':
      return { funcName: a[1], ...withCode(a[0]) };
    case 'loginRoomCallback':
    case 'logoutRoomCallback':
      return { room: r.room ?? '*', ...withCode(a[0]) };
    default:
      return { room: r.room };
  }
}

/** Lane names: the userID an engine first logged in as (another engine of the same user gets a prime, as in the demo), else its id. */
function laneNames(records) {
  const byEngine = new Map();
  for (const r of records) if (!byEngine.has(r.engine)) byEngine.set(r.engine, undefined);
  for (const r of records) {
    if (r.kind !== 'call' || r.name !== 'loginRoom' || byEngine.get(r.engine) !== undefined) continue;
    const user = r.args[1];
    if (isObject(user) && isText(user.userID)) byEngine.set(r.engine, user.userID);
  }
  const taken = new Set();
  const names = new Map();
  for (const [engine, user] of byEngine) {
    let name = user ?? engine;
    while (taken.has(name)) name += "'"; // bounded: each turn passes one of the finitely many names taken
    taken.add(name);
    names.set(engine, name);
  }
  return names;
}

/**
 * { scenario, result } for renderSvg: `name` names the picture. Times are since `t0`, else since the
 * mark named T0, else since the first record. Marks that match nothing are reported in result.failures.
 */
export function traceToRun(trace, api, name) {
  const records = trace.records
    .map((r, i) => ({ r, i }))
    .sort((x, y) => x.r.t - y.r.t || x.i - y.i)
    .map((x) => x.r);
  const lanes = laneNames(records);
  const events = [];
  for (const r of records) {
    const user = lanes.get(r.engine);
    if (r.kind === 'call') {
      if (r.name === 'createEngine') continue; // it only orders the lanes
      events.push({ t: r.t, user, kind: 'step', action: r.name, text: stepText(r) });
    } else if (r.kind === 'event') {
      const ev = { t: r.t, user, kind: 'callback', callback: r.name, ...callbackOf(r, api) };
      ev.text = eventText(ev);
      events.push(ev);
    } else if (r.kind === 'driver') {
      const code = r.args.find((a) => typeof a === 'number');
      events.push({
        t: r.t,
        user,
        kind: 'driver',
        text: `driver ${r.name}${r.room ? ` ${r.room}` : ''}${code !== undefined ? ` ${code}` : ''}`,
      });
    } else {
      events.push({ t: r.t, user, kind: 'transition', text: `transition ${r.room} ${r.from} ${r.to} ${r.input}` });
    }
  }
  const failures = [];
  const absoluteMarks = resolveMarks(trace.marks ?? [], events, failures);
  const origin = trace.t0 ?? absoluteMarks.find((m) => m.name === 'T0')?.t ?? records[0].t;
  for (const ev of events) ev.t -= origin;
  const marks = absoluteMarks.map((m) => ({ ...m, t: m.t - origin })).sort((a, b) => a.t - b.t || a.name.localeCompare(b.name));
  const end = events.length ? events[events.length - 1].t : 0;
  const scenario = { name, title: trace.title ?? `Trace ${name}`, spans: trace.spans ?? [] };
  return { scenario, result: { events, marks, end, lanes: [...lanes.values()], failures } };
}

/** As in scenario files: each mark is the first event of its lane after the previous mark that equals the pattern or continues it with more words. */
function resolveMarks(wanted, events, failures) {
  const marks = [];
  let from = 0;
  for (const m of wanted) {
    const p = m.event.trim().split(/\s+/).join(' ');
    const idx = events.findIndex(
      (ev, i) => i >= from && ev.user === m.user && !ev.mark && (ev.text === p || ev.text.startsWith(`${p} `)),
    );
    if (idx < 0) {
      failures.push(`mark ${m.name}: lane ${m.user} has no event "${m.event}" after the previous mark`);
      continue;
    }
    events[idx].mark = m.name;
    marks.push({ name: m.name, t: events[idx].t, user: m.user });
    from = idx + 1;
  }
  return marks;
}
