// The bad-input table: every row is a call a user could make wrongly, the channel that must report
// it, and the ZEGO code. docs/BAD_INPUT.md lists the same rows; a test keeps the two in step.
import { ZegoRoomMode, makeTestToken04, type ZegoExpressEngine } from '../src/index';

export type Channel =
  | { callback: number; event?: number; debug?: number } // login/logout callback (+ LoginFailed/LogoutFailed event)
  | { debug: number; event?: number } // onDebugError only (+ LoginFailed on the target)
  | { server: number } // accepted by the client; the room service rejects: LoginFailed after a round trip
  | { warn: number }; // after destroy: nothing left to call back; logged

export interface Row {
  name: string;
  mode?: ZegoRoomMode;
  act(e: ZegoExpressEngine, token: (expireInSec: number) => string, cb: (code: number) => void): void;
  expect: Channel;
  /** The room the call was about (for the LoginFailed/LogoutFailed event). */
  room?: string;
  afterDestroy?: boolean;
}

const any = (v: unknown) => v as never;
const U1 = { userID: 'u1' };
const login =
  (roomID: unknown, ...rest: [user?: unknown, config?: unknown]) =>
  (e: ZegoExpressEngine, _t: unknown, cb: (c: number) => void) =>
    e.loginRoom(any(roomID), any(rest.length > 0 ? rest[0] : U1), any(rest[1]), cb);

export const ROWS: Row[] = [
  // ---- room IDs ----
  { name: 'room ID empty', act: login(''), expect: { callback: 1002011, event: 1002011 }, room: '' },
  { name: 'room ID null', act: login(null), expect: { callback: 1002011, event: 1002011 }, room: '' },
  { name: 'room ID undefined', act: login(undefined), expect: { callback: 1002011, event: 1002011 }, room: '' },
  { name: 'room ID a number', act: login(42), expect: { callback: 1002012, event: 1002012 }, room: '' },
  { name: 'room ID an object', act: login({ id: 'r' }), expect: { callback: 1002012, event: 1002012 }, room: '' },
  {
    name: 'room ID an array naming the logged-in room',
    act: login(['home']),
    expect: { callback: 1002012, event: 1002012 },
    room: '',
  },
  {
    name: 'room ID an object without toString',
    act: login(Object.create(null)),
    expect: { callback: 1002012, event: 1002012 },
    room: '',
  },
  { name: 'room ID 128 bytes', act: login('r'.repeat(128)), expect: { callback: 1002013, event: 1002013 }, room: '' },
  { name: 'room ID 1 MB', act: login('r'.repeat(1 << 20)), expect: { callback: 1002013, event: 1002013 }, room: '' },
  { name: 'room ID with a space', act: login('a b'), expect: { callback: 1002012, event: 1002012 }, room: 'a b' },
  { name: 'room ID with "/"', act: login('a/b'), expect: { callback: 1002012, event: 1002012 }, room: 'a/b' },
  { name: 'room ID with ":"', act: login('a:b'), expect: { callback: 1002012, event: 1002012 }, room: 'a:b' },
  { name: 'room ID with a double quote', act: login('a"b'), expect: { callback: 1002012, event: 1002012 }, room: 'a"b' },
  { name: 'room ID with "?"', act: login('a?b'), expect: { callback: 1002012, event: 1002012 }, room: 'a?b' },
  { name: 'room ID with brackets', act: login('a[b]'), expect: { callback: 1002012, event: 1002012 }, room: 'a[b]' },
  { name: 'room ID with braces or "|"', act: login('{a|b}'), expect: { callback: 1002012, event: 1002012 }, room: '{a|b}' },
  {
    name: 'room ID non-ASCII (é, 2 UTF-8 bytes, 1 UTF-16 unit)',
    act: login('café'),
    expect: { callback: 1002012, event: 1002012 },
    room: 'café',
  },
  {
    name: 'room ID with an emoji (4 UTF-8 bytes, 2 UTF-16 units)',
    act: login('room😀'),
    expect: { callback: 1002012, event: 1002012 },
    room: 'room😀',
  },
  {
    name: 'room ID of 50 CJK characters (150 UTF-8 bytes, 50 UTF-16 units)',
    act: login('房'.repeat(50)),
    expect: { callback: 1002012, event: 1002012 },
    room: '房'.repeat(50),
  },
  { name: 'room ID with a newline', act: login('a\nb'), expect: { callback: 1002012, event: 1002012 }, room: 'a\nb' },
  { name: 'room ID with NUL', act: login('a\u0000b'), expect: { callback: 1002012, event: 1002012 }, room: 'a\u0000b' },
  // ---- users ----
  { name: 'user null', act: login('r', null), expect: { callback: 1002005, event: 1002005 }, room: 'r' },
  { name: 'user undefined', act: login('r', undefined), expect: { callback: 1002005, event: 1002005 }, room: 'r' },
  { name: 'user a string', act: login('r', 'u1'), expect: { callback: 1000017, event: 1000017 }, room: 'r' },
  { name: 'user without userID', act: login('r', {}), expect: { callback: 1002005, event: 1002005 }, room: 'r' },
  { name: 'userID empty', act: login('r', { userID: '' }), expect: { callback: 1002005, event: 1002005 }, room: 'r' },
  { name: 'userID a number', act: login('r', { userID: 7 }), expect: { callback: 1002006, event: 1002006 }, room: 'r' },
  {
    name: 'userID 64 bytes',
    act: login('r', { userID: 'u'.repeat(64) }),
    expect: { callback: 1002007, event: 1002007 },
    room: 'r',
  },
  { name: 'userID with a space', act: login('r', { userID: 'u 1' }), expect: { callback: 1002006, event: 1002006 }, room: 'r' },
  { name: 'userID non-ASCII', act: login('r', { userID: 'üser' }), expect: { callback: 1002006, event: 1002006 }, room: 'r' },
  {
    name: 'userName 256 UTF-8 bytes',
    act: login('r', { userID: 'u1', userName: 'n'.repeat(256) }),
    expect: { callback: 1002010, event: 1002010 },
    room: 'r',
  },
  {
    name: 'userName 86 × "€" (258 UTF-8 bytes, 86 UTF-16 units)',
    act: login('r', { userID: 'u1', userName: '€'.repeat(86) }),
    expect: { callback: 1002010, event: 1002010 },
    room: 'r',
  },
  {
    name: 'userName a number',
    act: login('r', { userID: 'u1', userName: 5 }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  // ---- configs ----
  {
    name: 'config a string',
    act: login('r', { userID: 'u1' }, 'notify'),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'maxMemberCount negative',
    act: login('r', { userID: 'u1' }, { maxMemberCount: -1 }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'maxMemberCount fractional',
    act: login('r', { userID: 'u1' }, { maxMemberCount: 1.5 }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'maxMemberCount 2^32 (over uint)',
    act: login('r', { userID: 'u1' }, { maxMemberCount: 2 ** 32 }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'maxMemberCount a string',
    act: login('r', { userID: 'u1' }, { maxMemberCount: '10' }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'maxMemberCount NaN',
    act: login('r', { userID: 'u1' }, { maxMemberCount: NaN }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'isUserStatusNotify a string',
    act: login('r', { userID: 'u1' }, { isUserStatusNotify: 'yes' }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  {
    name: 'token a number',
    act: login('r', { userID: 'u1' }, { token: 123 }),
    expect: { callback: 1000017, event: 1000017 },
    room: 'r',
  },
  // ---- tokens (the client reads only the expiry; the room service decides) ----
  {
    name: 'token empty where the service requires one',
    mode: ZegoRoomMode.MultiRoom,
    act: login('r', { userID: 'u1' }, { token: '' }),
    expect: { server: 1002033 },
    room: 'r',
  },
  {
    name: 'token not a Token04',
    mode: ZegoRoomMode.MultiRoom,
    act: login('r', { userID: 'u1' }, { token: 'abc' }),
    expect: { server: 1002033 },
    room: 'r',
  },
  {
    name: 'token Token04 expired',
    mode: ZegoRoomMode.MultiRoom,
    act: (e, t, cb) => e.loginRoom('r', { userID: 'u1' }, { token: t(-10) }, cb),
    expect: { server: 1002033 },
    room: 'r',
  },
  {
    name: 'token "04" + garbage base64',
    mode: ZegoRoomMode.MultiRoom,
    act: login('r', { userID: 'u1' }, { token: '04!!!!not-base64$$' }),
    expect: { server: 1002033 },
    room: 'r',
  },
  // ---- calls out of order ----
  {
    name: 'logout of another room than the logged-in one (single-room)',
    act: (e, _t, cb) => e.logoutRoom('r', cb),
    expect: { callback: 1002002, event: 1002002 },
    room: 'r',
  },
  {
    name: 'logout of a room not logged in (multi-room)',
    mode: ZegoRoomMode.MultiRoom,
    act: (e, _t, cb) => e.logoutRoom('r', cb),
    expect: { callback: 1002002, event: 1002002 },
    room: 'r',
  },
  {
    name: 'switch in multi-room mode',
    mode: ZegoRoomMode.MultiRoom,
    act: (e) => e.switchRoom('home', 'r2'),
    expect: { debug: 1002019 },
  },
  { name: 'switch from a room not logged in', act: (e) => e.switchRoom('nope', 'r2'), expect: { debug: 1002002 } },
  { name: 'switch to the same room', act: (e) => e.switchRoom('home', 'home'), expect: { debug: 1002064 } },
  {
    name: 'switch to an invalid room ID',
    act: (e) => e.switchRoom('home', 'bad room'),
    expect: { debug: 1002012, event: 1002012 },
    room: 'bad room',
  },
  {
    name: 'switch with a bad config',
    act: (e) => e.switchRoom('home', 'r2', any({ maxMemberCount: -5 })),
    expect: { debug: 1000017, event: 1000017 },
    room: 'r2',
  },
  { name: 'renew without login', act: (e, t) => e.renewToken('nope', t(3600)), expect: { debug: 1002002 } },
  { name: 'renew with an empty token', act: (e) => e.renewToken('home', ''), expect: { debug: 1000017 } },
  { name: 'renew with a non-string token', act: (e) => e.renewToken('home', any(42)), expect: { debug: 1000017 } },
  {
    name: 'renew for a room ID that is not a string',
    act: (e, t) => e.renewToken(any(['home']), t(3600)),
    expect: { debug: 1002012 },
  },
  {
    name: 'logout of a room ID that is not a string',
    act: (e, _t, cb) => e.logoutRoom(any(['home']), cb),
    expect: { callback: 1002012 },
  },
  {
    name: 'switch from a room ID that is not a string',
    act: (e) => e.switchRoom(any(['home']), 'r2'),
    expect: { debug: 1002012 },
  },
  { name: 'login after destroy', afterDestroy: true, act: login('r'), expect: { callback: 1000002 } },
  { name: 'logout after destroy', afterDestroy: true, act: (e, _t, cb) => e.logoutRoom(cb), expect: { callback: 1000002 } },
  { name: 'switch after destroy', afterDestroy: true, act: (e) => e.switchRoom('home', 'r2'), expect: { warn: 1000002 } },
  { name: 'renew after destroy', afterDestroy: true, act: (e, t) => e.renewToken('home', t(3600)), expect: { warn: 1000002 } },
];
void makeTestToken04;
