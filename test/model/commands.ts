// Random sessions for the model-based tests: a few users, rooms and faults, as plain data so a failing
// sequence can be printed and replayed (as a scenario file for the demo program).
import fc from 'fast-check';

export const USERS = ['A', 'B', 'C'] as const;
export const ROOMS = ['r1', 'r2', 'r3'] as const;
export type UserId = (typeof USERS)[number];
export type RoomId = (typeof ROOMS)[number];
export type TokenKind = 'none' | 'valid' | 'expiresSoon' | 'expired' | 'rejected';

export type Cmd =
  | { op: 'login'; user: UserId; room: RoomId; notify: boolean; token: TokenKind }
  | { op: 'logout'; user: UserId; room: RoomId | null }
  | { op: 'switch'; user: UserId; from: RoomId; to: RoomId }
  | { op: 'renew'; user: UserId; room: RoomId }
  | { op: 'netDown'; user: UserId }
  | { op: 'netUp'; user: UserId; signal: boolean }
  | { op: 'flap'; user: UserId }
  | { op: 'kick'; user: UserId; room: RoomId }
  | { op: 'duplicate'; user: UserId; room: RoomId }
  | { op: 'loseResponse'; user: UserId }
  | { op: 'signalDown'; user: UserId }
  | { op: 'advance'; ms: number }
  /** Several calls and faults in one host timer turn: nothing due (a driver event already queued) runs between them. */
  | { op: 'sameTurn'; cmds: Cmd[] }
  /** The app's handler, on its next onRoomStateChanged for the room, logs out of it and back in, inside the handler. */
  | { op: 'reactRelogin'; user: UserId; room: RoomId; notify: boolean };

const user = fc.constantFrom(...USERS);
const room = fc.constantFrom(...ROOMS);

/** What may share a timer turn (no time passes inside a turn: no advance, no flap). */
const turnCmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({
    op: fc.constant('login' as const),
    user,
    room,
    notify: fc.boolean(),
    token: fc.constantFrom<TokenKind>('none', 'valid', 'rejected'),
  }),
  fc.record({ op: fc.constant('logout' as const), user, room: fc.option(room, { nil: null }) }),
  fc.record({ op: fc.constant('switch' as const), user, from: room, to: room }),
  fc.record({ op: fc.constant('netDown' as const), user }),
  fc.record({ op: fc.constant('netUp' as const), user, signal: fc.boolean() }),
  fc.record({ op: fc.constant('kick' as const), user, room }),
  fc.record({ op: fc.constant('duplicate' as const), user, room }),
  fc.record({ op: fc.constant('signalDown' as const), user }),
);

/**
 * A fault or call that queues a driver event, then — in the same turn — the app leaving the room and
 * logging in to it again (the races of issue 11: a stale answer, kick or push for the session just left).
 */
const reloginRaceArb: fc.Arbitrary<Cmd> = fc
  .record({
    user,
    room,
    notify: fc.boolean(),
    up: fc.boolean(),
    trigger: fc.constantFrom('kick', 'netDown', 'offlineLogin', 'signalDown', 'duplicate', 'loseResponse', 'switchAway'),
  })
  .map(({ user: u, room: r, notify, up, trigger }) => {
    const first: Cmd[] =
      trigger === 'kick'
        ? [{ op: 'kick', user: u, room: r }]
        : trigger === 'netDown'
          ? [{ op: 'netDown', user: u }]
          : trigger === 'offlineLogin'
            ? [
                { op: 'netDown', user: u },
                { op: 'login', user: u, room: r, notify, token: 'none' },
              ]
            : trigger === 'signalDown'
              ? [{ op: 'signalDown', user: u }]
              : trigger === 'duplicate'
                ? [{ op: 'duplicate', user: u, room: r }]
                : trigger === 'loseResponse'
                  ? [{ op: 'loseResponse', user: u }]
                  : [{ op: 'switch', user: u, from: r, to: ROOMS[(ROOMS.indexOf(r) + 1) % ROOMS.length] }];
    const back: Cmd[] = up ? [{ op: 'netUp', user: u, signal: false }] : [];
    return {
      op: 'sameTurn' as const,
      cmds: [...first, ...back, { op: 'logout', user: u, room: r }, { op: 'login', user: u, room: r, notify, token: 'none' }],
    };
  });

export const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('login' as const),
      user,
      room,
      notify: fc.boolean(),
      token: fc.constantFrom<TokenKind>('none', 'none', 'valid', 'expiresSoon', 'expired', 'rejected'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('logout' as const), user, room: fc.option(room, { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('switch' as const), user, from: room, to: room }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('renew' as const), user, room }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('netDown' as const), user }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('netUp' as const), user, signal: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flap' as const), user }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('kick' as const), user, room }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), user, room }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('loseResponse' as const), user }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('signalDown' as const), user }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.constantFrom(0, 50, 130, 1000, 2500, 30_000, 89_000, 95_000, 300_000, 1_260_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('sameTurn' as const), cmds: fc.array(turnCmdArb, { minLength: 2, maxLength: 4 }) }),
  },
  { weight: 2, arbitrary: reloginRaceArb },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reactRelogin' as const), user, room, notify: fc.boolean() }) },
);

export const sessionArb = fc.record({
  multiRoom: fc.constantFrom<readonly UserId[]>([], ['A'], ['A', 'B']),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  cmds: fc.array(cmdArb, { minLength: 1, maxLength: 60, size: 'large' }),
});
export type Session = { multiRoom: readonly UserId[]; seed: number; cmds: Cmd[] };
