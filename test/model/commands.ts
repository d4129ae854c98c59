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
  | { op: 'advance'; ms: number };

const user = fc.constantFrom(...USERS);
const room = fc.constantFrom(...ROOMS);

export const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('login' as const), user, room, notify: fc.boolean(), token: fc.constantFrom<TokenKind>('none', 'none', 'valid', 'expiresSoon', 'expired', 'rejected') }) },
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
  { weight: 6, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(0, 50, 130, 1000, 2500, 30_000, 89_000, 95_000, 300_000, 1_260_000) }) },
);

export const sessionArb = fc.record({
  multiRoom: fc.constantFrom<readonly UserId[]>([], ['A'], ['A', 'B']),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  cmds: fc.array(cmdArb, { minLength: 1, maxLength: 60, size: 'large' }),
});
export type Session = { multiRoom: readonly UserId[]; seed: number; cmds: Cmd[] };
