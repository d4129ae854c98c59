// What must hold for any session: a small reference automaton over the reasons each app sees, checked
// against the engine's own state, plus timing, user-list and delivery invariants. Returns violations.
import { ROOM_STATE_OF_REASON, ZegoRoomStateChangedReason as R, ZegoRoomState } from '../../src/index';
import { USERS, type UserId } from './commands';
import type { Ev, Played } from './world';

type Phase = 'Idle' | 'Logining' | 'Logined' | 'Reconnecting';
const WINDOW = 20 * 60_000;

/** The reference automaton: for each phase, the reasons allowed next and where they lead. */
const NEXT: Record<Phase, Partial<Record<R, Phase>>> = {
  Idle: { [R.Logining]: 'Logining', [R.LoginFailed]: 'Idle', [R.LogoutFailed]: 'Idle' },
  Logining: { [R.Logined]: 'Logined', [R.LoginFailed]: 'Idle', [R.Logout]: 'Idle' },
  Logined: { [R.Reconnecting]: 'Reconnecting', [R.KickOut]: 'Idle', [R.Logout]: 'Idle' },
  Reconnecting: { [R.Reconnected]: 'Logined', [R.ReconnectFailed]: 'Idle', [R.KickOut]: 'Idle', [R.Logout]: 'Idle' },
};
const CODES: Partial<Record<R, number[]>> = {
  [R.Logining]: [0],
  [R.Logined]: [0],
  [R.Reconnecting]: [1002051],
  [R.Reconnected]: [0],
  [R.Logout]: [0],
  [R.ReconnectFailed]: [1002053, 1002033],
  [R.KickOut]: [1002050, 1002055, 1002056],
  [R.LogoutFailed]: [1002002],
};

export function checkInvariants(p: Played): string[] {
  const out: string[] = [];
  if (p.errors.length) out.push(`exceptions/driver errors: ${p.errors.join('; ')}`);
  // A login is answered by its own attempt: the engine acts only on events for its current session.
  for (const v of p.identity) out.push(`a login is answered by its own attempt: ${v}`);
  for (const u of USERS) {
    const evs = p.events[u];
    const phase = new Map<string, Phase>();
    const since = new Map<string, number>(); // when the current Logining/Reconnecting began
    const legacy = new Map<string, ZegoRoomState>();
    const views = new Map<string, Set<string>>(); // room → users this app believes are there
    let lastState: Extract<Ev, { kind: 'state' }> | undefined;
    let markIdx = 0;
    const checkPhases = (upTo: number) => {
      while (markIdx < p.marks.length && p.marks[markIdx][u] <= upTo) {
        for (const [room, want] of Object.entries(p.phases[markIdx][u])) {
          const got = phase.get(room) ?? 'Idle';
          if (got !== want) out.push(`${u}/${room}: events say ${got}, engine says ${want} after command ${markIdx}`);
        }
        markIdx++;
      }
    };
    checkPhases(0);
    evs.forEach((e, i) => {
      if (e.kind === 'state') {
        const cur = phase.get(e.room) ?? 'Idle';
        const next = NEXT[cur][e.reason];
        if (next === undefined) out.push(`${u}/${e.room} @${e.t}: ${R[e.reason]} after ${cur}`);
        const codes = CODES[e.reason];
        if (codes && !codes.includes(e.code)) out.push(`${u}/${e.room} @${e.t}: ${R[e.reason]} with code ${e.code}`);
        if (e.code === 1002053) {
          const began = since.get(e.room);
          if (began === undefined || e.t - began !== WINDOW)
            out.push(`${u}/${e.room} @${e.t}: ${R[e.reason]} 1002053 not 20 min after ${began}`);
        }
        if (e.reason === R.Logining || e.reason === R.Reconnecting) since.set(e.room, e.t);
        if (next !== undefined) phase.set(e.room, next);
        if (next === 'Idle' || e.reason === R.Logining) views.set(e.room, new Set());
        lastState = e;
      } else if (e.kind === 'legacy') {
        const want = lastState && lastState.room === e.room ? ROOM_STATE_OF_REASON[lastState.reason] : undefined;
        if (want !== e.state || evs[i - 1] !== lastState)
          out.push(`${u}/${e.room} @${e.t}: legacy ${e.state} does not follow its reason`);
        if ((legacy.get(e.room) ?? ZegoRoomState.Disconnected) === e.state)
          out.push(`${u}/${e.room} @${e.t}: legacy state repeated`);
        legacy.set(e.room, e.state);
      } else if (e.kind === 'user' || e.kind === 'count' || e.kind === 'token') {
        if ((phase.get(e.room) ?? 'Idle') === 'Idle') out.push(`${u}/${e.room} @${e.t}: ${e.kind} event while not logged in`);
        if (e.kind === 'user') {
          const view = views.get(e.room) ?? new Set<string>();
          views.set(e.room, view);
          if (e.users.length === 0) out.push(`${u}/${e.room} @${e.t}: empty user list`);
          for (const x of e.users) {
            if (x === u) out.push(`${u}/${e.room} @${e.t}: told about itself`);
            if (e.add && view.has(x)) out.push(`${u}/${e.room} @${e.t}: duplicate Add of ${x}`);
            if (!e.add && !view.has(x)) out.push(`${u}/${e.room} @${e.t}: Delete of ${x} it never saw added`);
            if (e.add) view.add(x);
            else {
              view.delete(x);
              checkDelete(p, u, e.room, x, e.t, out);
            }
          }
        }
      }
      // A state event for a room that differs from the previous state must also change the legacy state when the mapping says so.
      const nextEv = evs[i + 1];
      if (e.kind === 'state') {
        const mapped = ROOM_STATE_OF_REASON[e.reason];
        const before = legacy.get(e.room) ?? ZegoRoomState.Disconnected;
        const expectLegacy = mapped !== null && mapped !== before;
        const hasLegacy = nextEv !== undefined && nextEv.kind === 'legacy' && nextEv.room === e.room;
        if (expectLegacy !== hasLegacy)
          out.push(`${u}/${e.room} @${e.t}: onRoomStateUpdate ${expectLegacy ? 'missing' : 'unexpected'} after ${R[e.reason]}`);
      }
      checkPhases(i + 1);
    });
    for (const [room, ph] of phase)
      if (ph === 'Logining' || ph === 'Reconnecting') out.push(`${u}/${room}: still ${ph} after everything settled`);
    // A settled listener sees exactly who is in the room: nothing missed, nothing stale.
    for (const f of p.finalRooms.filter((x) => x.user === u)) {
      const seen = [...(views.get(f.room) ?? [])].sort();
      if (seen.join() !== f.server.join())
        out.push(
          `a settled listener sees exactly who is in the room: ${u}/${f.room} sees [${seen}] but the room has [${f.server}]`,
        );
    }
    const cbs = evs.filter((e) => e.kind === 'loginCb') as Array<Extract<Ev, { kind: 'loginCb' }>>;
    if (cbs.length !== p.logins[u]) out.push(`${u}: ${p.logins[u]} loginRoom calls, ${cbs.length} callbacks`);
    if (new Set(cbs.map((c) => c.id)).size !== cbs.length) out.push(`${u}: a login callback came twice`);
  }
  return out;
}

/** Why may `listener` hear that `x` left `room` at `t`? The 90 s rule, or something x (or the server) did. */
function checkDelete(p: Played, listener: UserId, room: string, x: string, t: number, out: string[]): void {
  const xu = x as UserId;
  const xEvents = p.events[xu] ?? [];
  const timedOut = (p.downAt[xu] ?? []).includes(t - 90_000);
  if (timedOut) {
    const cameBack = xEvents.some(
      (e) => e.kind === 'state' && e.room === room && e.reason === R.Reconnected && e.t > t - 90_000 && e.t < t,
    );
    if (cameBack) out.push(`${listener}/${room} @${t}: Delete of ${x} though it reconnected within 90 s`);
    return;
  }
  // Heard live, one push after the cause; or in the diff a listener gets when it reconnects, any time after it.
  const diff = p.events[listener].some((e) => e.kind === 'state' && e.room === room && e.reason === R.Reconnected && e.t === t);
  const fits = (cause: number) => (diff ? cause <= t : t - cause === 100 || t === cause);
  const left = xEvents.some(
    (e) => e.kind === 'state' && e.room === room && (e.reason === R.Logout || e.reason === R.KickOut) && fits(e.t),
  );
  const kicked = (p.kickAt[xu] ?? []).some(fits) || (p.tokenExpiry[xu]?.[room] ?? []).some(fits);
  const silent = diff && (p.downAt[xu] ?? []).some((d) => d + 90_000 <= t);
  if (!left && !kicked && !silent) out.push(`${listener}/${room} @${t}: Delete of ${x} with no cause`);
}
