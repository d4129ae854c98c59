// Loading and running scenario files on the package's public API: one VirtualClock, one
// SimulatedRoomService, one engine per user; every callback is recorded with its time since T0.
// Runs are synchronous and seeded, so the same file always gives the same events.
import { validateScenario } from './validate.mjs';
import { checkExpectations } from './expect.mjs';

export { validateScenario, ACTIONS, CALLBACKS, DEFAULT_ONLY } from './validate.mjs';

/** Default virtual Unix time of T0 (ms): fixed, so Token04 expiries and output never depend on the wall clock. */
export const DEFAULT_START_EPOCH_MS = 1_700_000_000_000;

/** `json` is the file's text or an already-parsed object. */
export function loadScenario(json) {
  let scenario = json;
  if (typeof json === 'string') {
    try {
      scenario = JSON.parse(json);
    } catch (e) {
      return { scenario: undefined, errors: [`(file): not valid JSON: ${e.message}`] };
    }
  }
  const errors = validateScenario(scenario);
  return errors.length ? { scenario: undefined, errors } : { scenario, errors };
}

/**
 * Plays a validated scenario. `api` is the package's module namespace (import('zego-room-bridge')).
 * Returns { events, failures, end, lanes }: failures are expectation and mark failures (strings).
 */
export function runScenario(scenario, api) {
  const {
    ZegoExpressEngine,
    SimulatedRoomService,
    VirtualClock,
    seededRandom,
    makeTestToken04,
    ZegoRoomMode,
    ZegoRoomStateChangedReason: R,
    ZegoRoomState,
    ZegoUpdateType,
    errorCodeName,
  } = api;
  const T0 = scenario.startEpochMs ?? DEFAULT_START_EPOCH_MS;
  // A loop, not Math.min(...steps): a spread of 100,000 arguments overflows the stack.
  let firstAt = 0;
  for (const st of scenario.steps) if (st.at < firstAt) firstAt = st.at;
  const clock = new VirtualClock(T0 + firstAt);
  const svc = scenario.service ?? {};
  const rejected = new Set(svc.rejectTokens ?? []);
  const service = new SimulatedRoomService({
    clock,
    loginLatencyMs: svc.loginLatencyMs,
    notifyLatencyMs: svc.notifyLatencyMs,
    heartbeatTimeoutMs: svc.heartbeatTimeoutMs,
    onlineCountIntervalMs: svc.onlineCountIntervalMs,
    verifyToken: rejected.size ? (token) => !rejected.has(token) : undefined,
  });
  const events = [];
  const now = () => clock.now() - T0;
  const lanes = scenario.users.map((u) => u.id);
  const clients = new Map();
  /** The other device of each user that used duplicateLogin, by the user's lane. */
  const duplicates = new Map();

  const record = (user, callback, fields) => {
    const ev = { t: now(), user, kind: 'callback', callback, ...fields };
    ev.text = eventText(ev);
    events.push(ev);
  };
  const withCode = (code) => ({ errorCode: code, errorName: errorCodeName(code) || (code === 0 ? 'Success' : '') });

  const makeClient = (laneId, userID, userName, roomMode, seed) => {
    const logger = {
      warn: (m) => events.push({ t: now(), user: laneId, kind: 'log', level: 'warn', message: m, text: `log warn ${m}` }),
      error: (m) => events.push({ t: now(), user: laneId, kind: 'log', level: 'error', message: m, text: `log error ${m}` }),
    };
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: service.createDriver(laneId),
      clock,
      roomMode: ZegoRoomMode[roomMode ?? 'SingleRoom'],
      random: seededRandom(seed),
      logger,
      id: laneId,
    });
    engine.setEventHandler({
      onRoomStateChanged: (room, reason, code) => {
        record(laneId, 'onRoomStateChanged', { room, reason: R[reason], reasonValue: reason, ...withCode(code) });
        const relogin = c.relogins.get(room);
        if (relogin) {
          c.relogins.delete(room);
          reloginNow(c, relogin);
        }
      },
      onRoomStateUpdate: (room, state, code) =>
        record(laneId, 'onRoomStateUpdate', { room, state: ZegoRoomState[state], stateValue: state, ...withCode(code) }),
      onRoomUserUpdate: (room, type, list) =>
        record(laneId, 'onRoomUserUpdate', { room, updateType: ZegoUpdateType[type], users: list.map((u) => u.userID) }),
      onRoomOnlineUserCountUpdate: (room, count) => record(laneId, 'onRoomOnlineUserCountUpdate', { room, count }),
      onRoomTokenWillExpire: (room, remain) => record(laneId, 'onRoomTokenWillExpire', { room, remainTimeInSecond: remain }),
      onDebugError: (code, funcName) => record(laneId, 'onDebugError', { funcName, ...withCode(code) }),
    });
    // relogins: room → the login step (reloginOnNextState) its handler makes on the room's next state change.
    const c = { laneId, userID, userName: userName ?? userID, engine, relogins: new Map() };
    clients.set(laneId, c);
    return c;
  };
  scenario.users.forEach((u, i) => makeClient(u.id, u.userID ?? u.id, u.userName, u.roomMode, u.seed ?? i + 1));

  // Tokens are made here and never printed: the timeline only says what kind of token was used.
  const tokenOf = (step) => {
    if (step.token04)
      return makeTestToken04({ expireAtSec: Math.floor((clock.now() + step.token04.expiresInSec * 1000) / 1000) });
    return step.token;
  };
  const tokenNote = (step) =>
    step.token04 ? ` (Token04, expires in ${step.token04.expiresInSec} s)` : step.token !== undefined ? ' (token)' : '';

  const loginOn = (c, step) => {
    const room = step.room;
    const config = { isUserStatusNotify: step.isUserStatusNotify ?? true };
    const token = tokenOf(step);
    if (token !== undefined) config.token = token;
    if (step.maxMemberCount !== undefined) config.maxMemberCount = step.maxMemberCount;
    c.engine.loginRoom(room, { userID: c.userID, userName: c.userName }, config, (code) =>
      record(c.laneId, 'loginRoomCallback', { room, ...withCode(code) }),
    );
  };

  const logoutOn = (c, st) => {
    const cb = (code) => record(c.laneId, 'logoutRoomCallback', { room: st.room ?? '*', ...withCode(code) });
    if (st.room === undefined) c.engine.logoutRoom(cb);
    else c.engine.logoutRoom(st.room, cb);
  };
  // The app's handler leaves the room and logs in to it again, inside the handler (the same timer turn).
  const reloginNow = (c, st) => {
    logoutOn(c, st);
    loginOn(c, st);
  };

  const actions = {
    login: (c, st) => {
      if (st.reloginOnNextState) {
        c.relogins.set(st.room, st);
        return `on its next onRoomStateChanged for ${st.room} the app's handler logs out and calls loginRoom ${st.room}${tokenNote(st)}`;
      }
      loginOn(c, st);
      return `loginRoom ${st.room}${tokenNote(st)}`;
    },
    logout: (c, st) => {
      logoutOn(c, st);
      return st.room === undefined ? 'logoutRoom (all rooms)' : `logoutRoom ${st.room}`;
    },
    switchRoom: (c, st) => {
      const token = tokenOf(st);
      c.engine.switchRoom(st.from, st.to, token === undefined ? undefined : { token });
      return `switchRoom ${st.from} → ${st.to}${tokenNote(st)}`;
    },
    renewToken: (c, st) => {
      c.engine.renewToken(st.room, tokenOf(st));
      return `renewToken ${st.room}${tokenNote(st)}`;
    },
    setNetworkReachable: (c, st) => {
      c.engine.setNetworkReachable(st.reachable);
      return `setNetworkReachable ${st.reachable}`;
    },
    networkDown: (c) => {
      service.setNetwork(c.laneId, false);
      return 'network down';
    },
    networkUp: (c) => {
      service.setNetwork(c.laneId, true);
      return 'network up';
    },
    kickOut: (c, st) => {
      service.kickOut(st.room, c.userID);
      return `server kicks ${c.userID} out of ${st.room}`;
    },
    duplicateLogin: (c, st) => {
      // Another device logs in with the same userID: it gets its own lane, "<user>'" — or with more
      // primes while that name is taken (a declared user "A'" is never the other device of "A").
      let other = duplicates.get(c.laneId);
      if (!other) {
        let id = `${c.laneId}'`;
        while (clients.has(id)) id += "'"; // bounded: each turn passes one of the finitely many lanes
        other = makeClient(id, c.userID, c.userName, 'SingleRoom', 1000 + lanes.length);
        duplicates.set(c.laneId, other);
        lanes.splice(lanes.indexOf(c.laneId) + 1, 0, id);
      }
      const id = other.laneId;
      loginOn(other, st);
      return `same userID "${c.userID}" logs in to ${st.room} from another device (${id})${tokenNote(st)}`;
    },
    loseLoginResponse: (c) => {
      service.loseNextLoginResponse(c.laneId);
      return 'the answer to its next login will be lost';
    },
    destroy: (c) => {
      c.engine.destroy();
      return 'destroyEngine';
    },
    advance: () => 'advance',
  };

  for (const st of scenario.steps) {
    // sameTurn: nothing due runs between this step and the one before (no turn boundary).
    if (!st.sameTurn) clock.advanceSync(T0 + st.at - clock.now());
    const c = st.user === undefined ? undefined : clients.get(st.user);
    const stepEvent = { t: now(), user: st.user ?? '', kind: 'step', action: st.do, text: '' };
    events.push(stepEvent);
    stepEvent.text = actions[st.do](c, st);
    if (st.mark) stepEvent.mark = st.mark;
  }
  clock.advanceSync(0); // callbacks posted by the last step
  const end = now();

  const failures = [];
  const marks = resolveMarks(scenario, events, failures);
  for (const f of checkExpectations(scenario.expect ?? [], events)) failures.push(f);
  return { events, failures, marks, end, lanes };
}

/** "onRoomStateChanged room1 Reconnecting 1002051": the canonical text expectations and marks compare with. */
export function eventText(ev) {
  switch (ev.callback) {
    case 'onRoomStateChanged':
      return `${ev.callback} ${ev.room} ${ev.reason} ${ev.errorCode}`;
    case 'onRoomStateUpdate':
      return `${ev.callback} ${ev.room} ${ev.state} ${ev.errorCode}`;
    case 'onRoomUserUpdate':
      return `${ev.callback} ${ev.room} ${ev.updateType} ${ev.users.join(',')}`;
    case 'onRoomOnlineUserCountUpdate':
      return `${ev.callback} ${ev.room} ${ev.count}`;
    case 'onRoomTokenWillExpire':
      return `${ev.callback} ${ev.room} ${ev.remainTimeInSecond}`;
    case 'onDebugError':
      return `${ev.callback} ${ev.errorCode} ${ev.funcName}`;
    case 'loginRoomCallback':
    case 'logoutRoomCallback':
      return `${ev.callback} ${ev.room} ${ev.errorCode}`;
    default:
      return ev.text ?? '';
  }
}

/** A pattern matches an event whose text equals it or continues it with more words. */
export function matchesEvent(pattern, ev) {
  const p = pattern.trim().split(/\s+/).join(' ');
  return ev.kind === 'callback' && (ev.text === p || ev.text.startsWith(`${p} `));
}

// Step marks carry their own time; event marks are found in order, each after the previous one,
// so "B hears the Add" can name T2 and later T6 in one timeline.
function resolveMarks(scenario, events, failures) {
  const marks = [];
  for (const ev of events) if (ev.kind === 'step' && ev.mark) marks.push({ name: ev.mark, t: ev.t, user: ev.user });
  let from = 0;
  for (const m of scenario.marks ?? []) {
    const idx = events.findIndex((ev, i) => i >= from && ev.user === m.user && !ev.mark && matchesEvent(m.event, ev));
    if (idx < 0) {
      failures.push(`mark ${m.name}: user ${m.user} has no event "${m.event}" after the previous mark`);
      continue;
    }
    events[idx].mark = m.name;
    marks.push({ name: m.name, t: events[idx].t, user: m.user });
    from = idx + 1;
  }
  marks.sort((a, b) => a.t - b.t || a.name.localeCompare(b.name));
  return marks;
}
