// Prints a Session as a scenario file (docs/SCENARIOS.md) so `zego-room-bridge run` replays it:
// the same users, seeds, tokens, faults and times as the model-based test played.
import { USERS, type Cmd, type Session, type TokenKind } from './commands';

const SETTLE_MS = 25 * 60_000;

function tokenFields(kind: TokenKind): Record<string, unknown> {
  switch (kind) {
    case 'valid':
      return { token04: { expiresInSec: 30 * 3600 } };
    case 'expiresSoon':
      return { token04: { expiresInSec: 60 } };
    case 'expired':
      return { token04: { expiresInSec: -10 } };
    case 'rejected':
      return { token: 'rejected-token' };
    default:
      return {};
  }
}

export function toScenario(s: Session): Record<string, unknown> {
  let at = 0;
  const steps: Array<Record<string, unknown>> = [];
  const online: Record<string, boolean> = { A: true, B: true, C: true };
  // Inside a sameTurn group every step after the group's first runs in the same timer turn as the one before.
  let turn: 'none' | 'first' | 'inside' = 'none';
  const step = (x: Record<string, unknown>) => {
    steps.push({ at, ...x, ...(turn === 'inside' ? { sameTurn: true } : {}) });
    if (turn === 'first') turn = 'inside';
  };
  const emit = (c: Cmd) => {
    switch (c.op) {
      case 'login':
        step({ user: c.user, do: 'login', room: c.room, isUserStatusNotify: c.notify, ...tokenFields(c.token) });
        return;
      case 'logout':
        step(c.room === null ? { user: c.user, do: 'logout' } : { user: c.user, do: 'logout', room: c.room });
        return;
      case 'switch':
        step({ user: c.user, do: 'switchRoom', from: c.from, to: c.to });
        return;
      case 'renew':
        step({ user: c.user, do: 'renewToken', room: c.room, ...tokenFields('valid') });
        return;
      case 'netDown':
        if (online[c.user]) {
          online[c.user] = false;
          step({ user: c.user, do: 'networkDown' });
        }
        return;
      case 'netUp':
        if (!online[c.user]) {
          online[c.user] = true;
          step({ user: c.user, do: 'networkUp' });
        }
        if (c.signal) step({ user: c.user, do: 'setNetworkReachable', reachable: true });
        return;
      case 'flap':
        for (let i = 0; i < 5; i++) {
          if (online[c.user]) step({ user: c.user, do: 'networkDown' });
          at += 100;
          step({ user: c.user, do: 'networkUp' });
          online[c.user] = true;
          at += 100;
        }
        return;
      case 'kick':
        step({ user: c.user, do: 'kickOut', room: c.room });
        return;
      case 'duplicate':
        step({ user: c.user, do: 'duplicateLogin', room: c.room, isUserStatusNotify: false });
        return;
      case 'loseResponse':
        step({ user: c.user, do: 'loseLoginResponse' });
        return;
      case 'signalDown':
        step({ user: c.user, do: 'setNetworkReachable', reachable: false });
        return;
      case 'advance':
        at += c.ms;
        return;
      case 'sameTurn':
        turn = 'first';
        for (const x of c.cmds) emit(x);
        turn = 'none';
        return;
      case 'reactRelogin':
        step({ user: c.user, do: 'login', room: c.room, isUserStatusNotify: c.notify, reloginOnNextState: true });
        return;
    }
  };
  for (const c of s.cmds) emit(c);
  for (const u of USERS)
    if (!online[u]) {
      online[u] = true;
      step({ user: u, do: 'networkUp' });
    }
  at += SETTLE_MS;
  step({ do: 'advance' });
  return {
    name: 'property-counterexample',
    title: 'A sequence found by the model-based tests',
    service: { rejectTokens: ['rejected-token'] },
    users: USERS.map((id) => ({
      id,
      roomMode: s.multiRoom.includes(id) ? 'MultiRoom' : 'SingleRoom',
      seed: s.seed + id.charCodeAt(0),
    })),
    steps,
  };
}
