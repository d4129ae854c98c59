// The scenario file checker: every problem is reported with the path of the field at fault
// (`steps[3].at: expected a number`), so a hand-written or generated file is easy to fix.
// Kept in step with scenarios/scenario.schema.json (a test compares the two).

export const ACTIONS = Object.freeze([
  'login',
  'logout',
  'switchRoom',
  'renewToken',
  'setNetworkReachable',
  'networkDown',
  'networkUp',
  'kickOut',
  'duplicateLogin',
  'loseLoginResponse',
  'destroy',
  'advance',
]);

/** The callbacks a run records, by the name used in expectations and marks. */
export const CALLBACKS = Object.freeze([
  'onRoomStateChanged',
  'onRoomStateUpdate',
  'onRoomUserUpdate',
  'onRoomOnlineUserCountUpdate',
  'onRoomTokenWillExpire',
  'onDebugError',
  'loginRoomCallback',
  'logoutRoomCallback',
]);

export const DEFAULT_ONLY = Object.freeze(['onRoomStateChanged', 'onRoomUserUpdate']);

const ROOM_MODES = ['SingleRoom', 'MultiRoom'];

/** Limits that keep every accepted file finite and quick to run (docs/SCENARIOS.md, "Limits"). */
export const LIMITS = Object.freeze({
  maxSteps: 100_000,
  /** Step times: within ±7 days of T0. */
  maxStepAbsMs: 7 * 24 * 3600_000,
  /** T0: from 1970 to 2100-01-01 (Unix ms). */
  maxStartEpochMs: 4_102_444_800_000,
  /** Service latencies and the heartbeat timeout: 0 to 24 h. */
  maxServiceMs: 24 * 3600_000,
  /** Online-count interval: 1 s to 24 h (0 would repeat at one instant forever). */
  minOnlineCountIntervalMs: 1000,
  /** Token04 expiry: within ±10 years of the step. */
  maxTokenSec: 10 * 365 * 24 * 3600,
  /** Spans: up to 14 days. */
  maxSpanMs: 14 * 24 * 3600_000,
  maxSeed: 0xffffffff,
});
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

// Fields each action accepts besides at/user/do/mark; `true` = required.
const ACTION_FIELDS = {
  login: {
    room: true,
    token: false,
    token04: false,
    isUserStatusNotify: false,
    maxMemberCount: false,
    reloginOnNextState: false,
  },
  logout: { room: false },
  switchRoom: { from: true, to: true, token: false, token04: false },
  renewToken: { room: true, token: false, token04: false },
  setNetworkReachable: { reachable: true },
  networkDown: {},
  networkUp: {},
  kickOut: { room: true },
  duplicateLogin: { room: true, token: false, token04: false, isUserStatusNotify: false },
  loseLoginResponse: {},
  destroy: {},
  advance: {},
};

const TOP_FIELDS = [
  '$schema',
  'name',
  'title',
  'description',
  'startEpochMs',
  'service',
  'users',
  'steps',
  'marks',
  'spans',
  'expect',
];
const SERVICE_FIELDS = ['loginLatencyMs', 'notifyLatencyMs', 'heartbeatTimeoutMs', 'onlineCountIntervalMs', 'rejectTokens'];
const USER_FIELDS = ['id', 'userID', 'userName', 'roomMode', 'seed'];

/** Returns a list of "path: problem" strings; empty when the scenario is well-formed. */
export function validateScenario(s) {
  const errors = [];
  const err = (path, msg) => errors.push(`${path}: ${msg}`);
  if (!isObject(s)) {
    err('(root)', 'expected an object');
    return errors;
  }
  unknownFields(s, TOP_FIELDS, '', err);

  if (s.$schema !== undefined && typeof s.$schema !== 'string') err('$schema', 'expected a string');
  if (typeof s.name !== 'string') err('name', s.name === undefined ? 'required' : 'expected a string');
  else if (!NAME_RE.test(s.name)) err('name', 'expected lower-case letters, digits and "-" (e.g. "my-case")');
  optString(s, 'title', 'title', err);
  optString(s, 'description', 'description', err);
  if (s.startEpochMs !== undefined && !isInt(s.startEpochMs, 0, LIMITS.maxStartEpochMs))
    err('startEpochMs', `expected an integer from 0 to ${LIMITS.maxStartEpochMs}`);

  if (s.service !== undefined) {
    if (!isObject(s.service)) err('service', 'expected an object');
    else {
      unknownFields(s.service, SERVICE_FIELDS, 'service.', err);
      for (const f of SERVICE_FIELDS.slice(0, 4)) {
        const min = f === 'onlineCountIntervalMs' ? LIMITS.minOnlineCountIntervalMs : 0;
        if (s.service[f] !== undefined && !isNum(s.service[f], min, LIMITS.maxServiceMs))
          err(`service.${f}`, `expected a number from ${min} to ${LIMITS.maxServiceMs}`);
      }
      const r = s.service.rejectTokens;
      if (r !== undefined && !(Array.isArray(r) && r.every((t) => typeof t === 'string')))
        err('service.rejectTokens', 'expected an array of strings');
    }
  }

  const userIds = new Set();
  if (!Array.isArray(s.users) || s.users.length === 0)
    err('users', s.users === undefined ? 'required' : 'expected a non-empty array');
  else
    s.users.forEach((u, i) => {
      const p = `users[${i}]`;
      if (!isObject(u)) {
        err(p, 'expected an object');
        return;
      }
      unknownFields(u, USER_FIELDS, `${p}.`, err);
      if (typeof u.id !== 'string' || u.id === '') err(`${p}.id`, 'expected a non-empty string');
      else if (userIds.has(u.id)) err(`${p}.id`, `duplicate user "${u.id}"`);
      else userIds.add(u.id);
      optString(u, 'userID', `${p}.userID`, err);
      optString(u, 'userName', `${p}.userName`, err);
      if (u.roomMode !== undefined && !ROOM_MODES.includes(u.roomMode))
        err(`${p}.roomMode`, `expected one of ${ROOM_MODES.join(', ')}`);
      if (u.seed !== undefined && !isInt(u.seed, 0, LIMITS.maxSeed))
        err(`${p}.seed`, `expected an integer from 0 to ${LIMITS.maxSeed}`);
    });

  const markNames = new Set();
  const addMark = (name, path) => {
    if (typeof name !== 'string' || name === '') {
      err(path, 'expected a non-empty string');
      return;
    }
    if (markNames.has(name)) err(path, `duplicate mark "${name}"`);
    markNames.add(name);
  };

  if (!Array.isArray(s.steps)) err('steps', s.steps === undefined ? 'required' : 'expected an array');
  else if (s.steps.length > LIMITS.maxSteps) err('steps', `at most ${LIMITS.maxSteps} steps (this file has ${s.steps.length})`);
  else {
    let lastAt = -Infinity;
    s.steps.forEach((st, i) => {
      const p = `steps[${i}]`;
      if (!isObject(st)) {
        err(p, 'expected an object');
        return;
      }
      if (!isNum(st.at)) err(`${p}.at`, st.at === undefined ? 'required (ms since T0)' : 'expected a number');
      else if (!isNum(st.at, -LIMITS.maxStepAbsMs, LIMITS.maxStepAbsMs))
        err(`${p}.at`, `expected a number from ${-LIMITS.maxStepAbsMs} to ${LIMITS.maxStepAbsMs}`);
      else if (st.at < lastAt) err(`${p}.at`, `must not be earlier than the step before (${lastAt})`);
      else lastAt = st.at;
      if (!ACTIONS.includes(st.do)) {
        err(`${p}.do`, `expected one of ${ACTIONS.join(', ')}`);
        return;
      }
      const fields = ACTION_FIELDS[st.do];
      unknownFields(st, ['at', 'user', 'do', 'mark', 'sameTurn', ...Object.keys(fields)], `${p}.`, err);
      if (st.sameTurn !== undefined) {
        if (typeof st.sameTurn !== 'boolean') err(`${p}.sameTurn`, 'expected true or false');
        else if (st.sameTurn && (i === 0 || s.steps[i - 1]?.at !== st.at))
          err(`${p}.sameTurn`, 'needs a step before it at the same "at"');
      }
      if (st.do === 'advance') {
        if (st.user !== undefined) err(`${p}.user`, 'not used by "advance"');
      } else if (typeof st.user !== 'string') err(`${p}.user`, st.user === undefined ? 'required' : 'expected a string');
      else if (userIds.size > 0 && !userIds.has(st.user))
        err(`${p}.user`, `unknown user "${st.user}" (users: ${[...userIds].join(', ')})`);
      if (st.mark !== undefined) addMark(st.mark, `${p}.mark`);
      for (const [f, required] of Object.entries(fields)) {
        const v = st[f];
        if (v === undefined) {
          if (required) err(`${p}.${f}`, `required by "${st.do}"`);
          continue;
        }
        checkActionField(f, v, `${p}.${f}`, err);
      }
      if (st.token !== undefined && st.token04 !== undefined) err(`${p}.token04`, 'give either token or token04, not both');
      if (st.do === 'renewToken' && st.token === undefined && st.token04 === undefined)
        err(`${p}.token`, 'renewToken needs token or token04');
    });
  }

  if (s.marks !== undefined) {
    if (!Array.isArray(s.marks)) err('marks', 'expected an array');
    else
      s.marks.forEach((m, i) => {
        const p = `marks[${i}]`;
        if (!isObject(m)) {
          err(p, 'expected an object');
          return;
        }
        unknownFields(m, ['name', 'user', 'event'], `${p}.`, err);
        addMark(m.name, `${p}.name`);
        checkUserRef(m.user, `${p}.user`, userIds, err);
        if (typeof m.event !== 'string') err(`${p}.event`, 'expected a string (e.g. "onRoomStateChanged room1 Logined")');
        else checkEventText(m.event, `${p}.event`, false, err);
      });
  }

  if (s.spans !== undefined) {
    if (!Array.isArray(s.spans)) err('spans', 'expected an array');
    else
      s.spans.forEach((sp, i) => {
        const p = `spans[${i}]`;
        if (!isObject(sp)) {
          err(p, 'expected an object');
          return;
        }
        unknownFields(sp, ['label', 'from', 'ms'], `${p}.`, err);
        if (typeof sp.label !== 'string') err(`${p}.label`, 'expected a string');
        if (typeof sp.from !== 'string') err(`${p}.from`, 'expected a mark name');
        else if (!markNames.has(sp.from)) err(`${p}.from`, `unknown mark "${sp.from}"`);
        if (!isNum(sp.ms, 0, LIMITS.maxSpanMs)) err(`${p}.ms`, `expected a number from 0 to ${LIMITS.maxSpanMs}`);
      });
  }

  if (s.expect !== undefined) {
    if (!Array.isArray(s.expect)) err('expect', 'expected an array');
    else
      s.expect.forEach((e, i) => {
        const p = `expect[${i}]`;
        if (!isObject(e)) {
          err(p, 'expected an object');
          return;
        }
        unknownFields(e, ['user', 'room', 'only', 'callbacks'], `${p}.`, err);
        checkUserRef(e.user, `${p}.user`, userIds, err);
        optString(e, 'room', `${p}.room`, err);
        if (e.only !== undefined) {
          if (!Array.isArray(e.only) || e.only.length === 0) err(`${p}.only`, 'expected a non-empty array of callback names');
          else
            e.only.forEach((c, j) => {
              if (!CALLBACKS.includes(c)) err(`${p}.only[${j}]`, `unknown callback "${c}" (one of ${CALLBACKS.join(', ')})`);
            });
        }
        if (!Array.isArray(e.callbacks))
          err(`${p}.callbacks`, e.callbacks === undefined ? 'required' : 'expected an array of strings');
        else
          e.callbacks.forEach((c, j) => {
            if (typeof c !== 'string') err(`${p}.callbacks[${j}]`, 'expected a string');
            else checkEventText(c, `${p}.callbacks[${j}]`, true, err);
          });
      });
  }
  return errors;
}

function checkActionField(f, v, path, err) {
  switch (f) {
    case 'room':
    case 'from':
    case 'to':
    case 'token':
      if (typeof v !== 'string') err(path, 'expected a string');
      break;
    case 'isUserStatusNotify':
    case 'reachable':
    case 'reloginOnNextState':
      if (typeof v !== 'boolean') err(path, 'expected true or false');
      break;
    case 'maxMemberCount':
      if (!isInt(v, 0, 0xffffffff)) err(path, 'expected an integer from 0 to 4294967295');
      break;
    case 'token04':
      if (!isObject(v)) {
        err(path, 'expected an object like { "expiresInSec": 300 }');
        break;
      }
      unknownFields(v, ['expiresInSec'], `${path}.`, err);
      if (!isNum(v.expiresInSec))
        err(`${path}.expiresInSec`, 'expected a number (seconds from this step; negative = already expired)');
      else if (!isNum(v.expiresInSec, -LIMITS.maxTokenSec, LIMITS.maxTokenSec))
        err(`${path}.expiresInSec`, `expected a number from ${-LIMITS.maxTokenSec} to ${LIMITS.maxTokenSec}`);
      break;
    default:
      break;
  }
}

/** "[<ms>] <callback> …": the leading time is optional in expectations, not allowed in marks. */
function checkEventText(text, path, timeAllowed, err) {
  const parts = text.trim().split(/\s+/);
  if (/^-?\d+$/.test(parts[0])) {
    if (!timeAllowed) {
      err(path, 'a mark names an event without a time');
      return;
    }
    parts.shift();
  }
  if (!CALLBACKS.includes(parts[0])) err(path, `expected "[time] <callback> …" with a callback among ${CALLBACKS.join(', ')}`);
}

function checkUserRef(u, path, userIds, err) {
  if (typeof u !== 'string') err(path, u === undefined ? 'required' : 'expected a string');
  else if (userIds.size > 0 && !userIds.has(u) && !userIds.has(u.replace(/'+$/, ''))) err(path, `unknown user "${u}"`);
}

function unknownFields(obj, allowed, prefix, err) {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) err(`${prefix}${k}`, 'unknown field');
}

function optString(o, f, path, err) {
  if (o[f] !== undefined && typeof o[f] !== 'string') err(path, 'expected a string');
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v, min = -Infinity, max = Infinity) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isInt = (v, min, max = Infinity) => Number.isInteger(v) && v >= min && v <= max;
