// Token04 on the local room server: tokens made in the test with ZEGO's published algorithm (test/support,
// written from zego_server_assistant's generators, not the package's generateToken04) are accepted in both
// forms, and each kind of bad token gets its code (docs/DEVSERVER.md, "Tokens (Token04)").
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seededRandom } from '../src/host/random';
import { ZegoErrorCode } from '../src/model/errorCodes';
import { generateToken04, verifyToken04, type Token04Expectation, type Token04Verdict } from '../src/server/token04';
import { readToken04Expiry } from '../src/token/token04';
import {
  officialGcmToken04,
  officialPlaintext,
  officialToken04,
  openOfficialToken04,
  type OfficialTokenInput,
} from './support/officialToken04';

const root = join(__dirname, '..');
const APP = 1234567890;
const SECRET = 'a3f1c09b7d2e4856b0c1d2e3f4a5b6c7';
const OTHER_SECRET = 'a3f1c09b7d2e4856b0c1d2e3f4a5b6c8';
const NOW_MS = 1_700_000_000_000;
const CREATED = NOW_MS / 1000 - 10;
const EXPIRES = CREATED + 3600;

const input = (over: Partial<OfficialTokenInput> = {}): OfficialTokenInput => ({
  appId: APP,
  userId: 'user1',
  secret: SECRET,
  effectiveTimeInSeconds: 3600,
  payload: '',
  createTime: CREATED,
  nonce: 1_928_374_655,
  randomChars: 'k3j9x0q2m7b5z1c8',
  ...over,
});
const roomPayload = (roomId: unknown, login = 1) =>
  JSON.stringify({ room_id: roomId, privilege: { 1: login, 2: 0 }, stream_id_list: null });
const expectation = (over: Partial<Token04Expectation> = {}): Token04Expectation => ({
  appID: APP,
  serverSecret: SECRET,
  userID: 'user1',
  roomID: 'room1',
  nowMs: NOW_MS,
  ...over,
});
const codeOf = (token: string, over: Partial<Token04Expectation> = {}) => verifyToken04(token, expectation(over)).code;
const accepted: Token04Verdict = { code: 0, reason: 'accepted', expireSeconds: EXPIRES };

describe.each(['cbc', 'gcm'] as const)('a %s token made with the official algorithm', (mode) => {
  const token = (over: Partial<OfficialTokenInput> = {}) => officialToken04(mode, input(over));

  test('is accepted, with its expiry', () => {
    expect(verifyToken04(token(), expectation())).toEqual(accepted);
  });

  test('with a payload for its room and the login privilege: accepted in that room', () => {
    expect(verifyToken04(token({ payload: roomPayload('room1') }), expectation())).toEqual(accepted);
  });

  test('with a room_id that is "", null or absent: accepted in any room', () => {
    for (const payload of [roomPayload(''), roomPayload(null), JSON.stringify({ privilege: { 1: 1, 2: 1 } })])
      expect(codeOf(token({ payload }), { roomID: 'elsewhere' })).toBe(0);
  });

  test('made with another server secret: 1002033 RoomErrorAuthenticationFailed', () => {
    const verdict = verifyToken04(token({ secret: OTHER_SECRET }), expectation());
    expect(verdict.code).toBe(ZegoErrorCode.RoomErrorAuthenticationFailed);
    expect(verdict.reason).toContain('does not decrypt with this server secret');
  });

  test('for another app: 1002076 RoomTokenAppidError', () => {
    expect(verifyToken04(token({ appId: 987654321 }), expectation())).toEqual({
      code: ZegoErrorCode.RoomTokenAppidError,
      reason: `the token's app_id 987654321 is not ${APP}`,
    });
  });

  test('for another user: 1002077 RoomTokenUseridError', () => {
    expect(verifyToken04(token({ userId: 'user2' }), expectation())).toEqual({
      code: ZegoErrorCode.RoomTokenUseridError,
      reason: 'the token\'s user_id "user2" is not "user1"',
    });
  });

  test('for another room: 1002033 RoomErrorAuthenticationFailed', () => {
    expect(verifyToken04(token({ payload: roomPayload('room2') }), expectation())).toEqual({
      code: ZegoErrorCode.RoomErrorAuthenticationFailed,
      reason: 'the token is for room "room2", not "room1"',
    });
  });

  test('without the login privilege: 1002033 RoomErrorAuthenticationFailed', () => {
    expect(verifyToken04(token({ payload: roomPayload('room1', 0) }), expectation())).toEqual({
      code: ZegoErrorCode.RoomErrorAuthenticationFailed,
      reason: 'the token denies the login privilege ("1": 0)',
    });
  });

  test('expired: 1002078 RoomTokenExpireError from its expire second on; accepted a millisecond before', () => {
    expect(codeOf(token(), { nowMs: EXPIRES * 1000 - 1 })).toBe(0);
    expect(verifyToken04(token(), expectation({ nowMs: EXPIRES * 1000 }))).toEqual({
      code: ZegoErrorCode.RoomTokenExpireError,
      reason: `the token expired at ${EXPIRES} (Unix seconds)`,
    });
    expect(codeOf(token(), { nowMs: EXPIRES * 1000 + 86_400_000 })).toBe(ZegoErrorCode.RoomTokenExpireError);
  });

  test('with the expiry outside the ciphertext changed: 1002078 RoomTokenExpireError', () => {
    expect(verifyToken04(token({ outsideExpire: EXPIRES + 86_400 }), expectation())).toEqual({
      code: ZegoErrorCode.RoomTokenExpireError,
      reason: `the expiry outside the ciphertext (${EXPIRES + 86_400}) differs from the one inside (${EXPIRES})`,
    });
  });

  test('with a nonce that is not an integer: 1002080 RoomTokenNoncetypeError', () => {
    for (const nonce of ['12345', 1.5, null]) {
      const plaintext = officialPlaintext(input()).replace('"nonce":1928374655', `"nonce":${JSON.stringify(nonce)}`);
      expect(codeOf(token({ plaintext }))).toBe(ZegoErrorCode.RoomTokenNoncetypeError);
    }
  });

  test('with an app_id that is not a number: 1002076 RoomTokenAppidError', () => {
    const plaintext = officialPlaintext(input()).replace(`"app_id":${APP}`, `"app_id":"${APP}"`);
    expect(codeOf(token({ plaintext }))).toBe(ZegoErrorCode.RoomTokenAppidError);
  });

  test('with an expire that is not an integer: 1002078 RoomTokenExpireError', () => {
    const plaintext = officialPlaintext(input()).replace(`"expire":${EXPIRES}`, `"expire":"${EXPIRES}"`);
    expect(codeOf(token({ plaintext }))).toBe(ZegoErrorCode.RoomTokenExpireError);
  });

  test('with a payload that is not JSON, or a privilege that is not 1 or 0: 1002075 RoomTokenFormatError', () => {
    for (const payload of ['room1', '[1,2]', JSON.stringify({ room_id: 7 }), JSON.stringify({ privilege: { 1: 'yes' } })])
      expect(codeOf(token({ payload }))).toBe(ZegoErrorCode.RoomTokenFormatError);
  });

  test('whose decrypted text is not JSON: GCM 1002075 RoomTokenFormatError, CBC 1002033 (unauthenticated)', () => {
    expect(codeOf(token({ plaintext: 'not json at all' }))).toBe(
      mode === 'gcm' ? ZegoErrorCode.RoomTokenFormatError : ZegoErrorCode.RoomErrorAuthenticationFailed,
    );
  });

  test("the client's readToken04Expiry reads its expiry", () => {
    expect(readToken04Expiry(token())).toBe(EXPIRES);
    expect(readToken04Expiry(token({ payload: roomPayload('room1') }))).toBe(EXPIRES);
  });

  test('every single-character change in its base64 is rejected, without throwing', () => {
    const original = token({ payload: roomPayload('room1') });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ';
    const acceptedChanges: string[] = [];
    for (let at = 2; at < original.length; at++)
      for (const replacement of alphabet) {
        if (replacement === original[at]) continue;
        const changed = original.slice(0, at) + replacement + original.slice(at + 1);
        if (verifyToken04(changed, expectation()).code === 0) acceptedChanges.push(`${at}:${replacement}`);
      }
    expect(acceptedChanges).toEqual([]);
  });
});

describe('tokens that are not Token04', () => {
  const good = () => officialGcmToken04(input());

  test('an empty token: 1002067 RoomNoToken', () => {
    expect(verifyToken04('', expectation())).toEqual({ code: ZegoErrorCode.RoomNoToken, reason: 'no token' });
  });

  test('another version prefix: 1002079 RoomTokenVersionError', () => {
    for (const token of ['03' + good().slice(2), good().slice(2), '4', 'x'])
      expect(verifyToken04(token, expectation())).toEqual({
        code: ZegoErrorCode.RoomTokenVersionError,
        reason: 'the token does not start with "04"',
      });
  });

  test('garbage after "04": 1002075 RoomTokenFormatError', () => {
    const binaryOf = (token: string) => Buffer.from(token.slice(2), 'base64');
    const asToken = (bytes: Buffer) => '04' + bytes.toString('base64');
    const gcmWithMode2 = binaryOf(good());
    gcmWithMode2[gcmWithMode2.length - 1] = 2;
    const truncated = binaryOf(good()).subarray(0, 20);
    // expire 0 | uint16 ivLength | zeros | uint16 sealedLength | zeros
    const layout = (ivLength: number, sealedLength: number) => {
      const bytes = Buffer.alloc(12 + ivLength + sealedLength);
      bytes.writeUInt16BE(ivLength, 8);
      bytes.writeUInt16BE(sealedLength, 10 + ivLength);
      return bytes;
    };
    const cases: [string, string][] = [
      ['04', 'shorter than any Token04'],
      ['04not base64!', 'not standard base64'],
      ['04' + good().slice(2).replace(/=*$/, ''), 'not standard base64'],
      [asToken(Buffer.concat([binaryOf(good()), Buffer.alloc(3)])), 'do not add up'],
      [asToken(truncated), 'runs past the end'],
      [asToken(gcmWithMode2), 'do not add up'],
      [asToken(layout(16, 5)), 'the CBC ciphertext is 5 bytes, not a whole number of AES blocks'],
      [asToken(layout(12, 32)), 'the CBC iv is 12 bytes, not 16'],
      [asToken(Buffer.concat([layout(16, 8), Buffer.of(1)])), 'the GCM nonce is 16 bytes, not 12'],
      [asToken(Buffer.concat([layout(12, 8), Buffer.of(1)])), 'the GCM ciphertext is 8 bytes, shorter than its tag'],
    ];
    for (const [token, reason] of cases) {
      const verdict = verifyToken04(token, expectation());
      expect(verdict.code).toBe(ZegoErrorCode.RoomTokenFormatError);
      expect(verdict.reason).toContain(reason);
    }
  });

  test('a server secret that is not 32 bytes: 1002074 RoomTokenInnerError (the server is misconfigured)', () => {
    const verdict = verifyToken04(good(), expectation({ serverSecret: SECRET.slice(1) }));
    expect(verdict.code).toBe(ZegoErrorCode.RoomTokenInnerError);
    expect(verdict.reason).toContain('must be 32 bytes');
  });

  test('no reason contains the token', () => {
    const token = officialGcmToken04(input({ payload: roomPayload('room2') }));
    const verdicts = [
      verifyToken04(token, expectation()),
      verifyToken04(token, expectation({ serverSecret: OTHER_SECRET })),
      verifyToken04(token, expectation({ userID: 'user9' })),
      verifyToken04('03' + token.slice(2), expectation()),
      verifyToken04(token + '=', expectation()),
    ];
    for (const verdict of verdicts) {
      expect(verdict.code).not.toBe(0);
      expect(verdict.reason).not.toContain(token.slice(2, 14));
    }
  });
});

describe('generateToken04', () => {
  const options = (over: Partial<Parameters<typeof generateToken04>[0]> = {}) => ({
    appID: APP,
    userID: 'user1',
    serverSecret: SECRET,
    effectiveTimeInSeconds: 3600,
    nowMs: NOW_MS + 999,
    random: seededRandom(7),
    ...over,
  });

  test.each([
    ['gcm', undefined, 12],
    ['gcm', 'gcm', 12],
    ['cbc', 'cbc', 16],
  ] as const)('makes the official %s layout (mode option %s) with the generators’ claims', (form, mode, ivLength) => {
    const payload = roomPayload('room1');
    const opened = openOfficialToken04(generateToken04(options({ mode, payload })), SECRET);
    expect(opened.mode).toBe(form);
    expect(opened.iv).toMatch(new RegExp(`^[0-9a-z]{${ivLength}}$`));
    expect(opened.outsideExpire).toBe(NOW_MS / 1000 + 3600);
    expect(opened.claims).toEqual({
      app_id: APP,
      user_id: 'user1',
      nonce: expect.any(Number),
      ctime: NOW_MS / 1000,
      expire: NOW_MS / 1000 + 3600,
      payload,
    });
    const nonce = opened.claims.nonce as number;
    expect(Number.isInteger(nonce) && nonce >= 0 && nonce < 2 ** 31).toBe(true);
  });

  test('is deterministic for a seed, and differs for another', () => {
    const a = generateToken04(options({ random: seededRandom(7) }));
    expect(generateToken04(options({ random: seededRandom(7) }))).toBe(a);
    expect(generateToken04(options({ random: seededRandom(8) }))).not.toBe(a);
  });

  test.each(['gcm', 'cbc'] as const)('verifyToken04 accepts what it makes (%s)', (mode) => {
    const token = generateToken04(options({ mode, payload: roomPayload('room1') }));
    expect(verifyToken04(token, expectation())).toEqual({ code: 0, reason: 'accepted', expireSeconds: NOW_MS / 1000 + 3600 });
    expect(readToken04Expiry(token)).toBe(NOW_MS / 1000 + 3600);
  });

  test('refuses invalid options with a TypeError naming the option', () => {
    const cases: [Partial<Parameters<typeof generateToken04>[0]>, RegExp][] = [
      [{ serverSecret: SECRET.slice(1) }, /server secret must be 32 bytes .* not 31/],
      [{ serverSecret: 'é'.repeat(16) + 'x'.repeat(16) }, /server secret must be 32 bytes .* not 48/],
      [{ appID: 0 }, /appID must be an integer from 1 to 4294967295, not 0/],
      [{ appID: 2 ** 32 }, /appID must be an integer/],
      [{ appID: 1.5 }, /appID must be an integer/],
      [{ userID: '' }, /userID must be a non-empty string/],
      [{ effectiveTimeInSeconds: 0 }, /effectiveTimeInSeconds must be a positive integer/],
      [{ mode: 'ecb' as 'gcm' }, /mode must be 'gcm' or 'cbc'/],
      [{ nowMs: NaN }, /nowMs must be a time/],
      [{ random: () => 1 }, /random\(\) must return \[0, 1\), not 1/],
      [{ payload: 'x'.repeat(70_000) }, /payload is too long/],
    ];
    for (const [over, message] of cases) {
      expect(() => generateToken04(options(over))).toThrow(TypeError);
      expect(() => generateToken04(options(over))).toThrow(message);
    }
  });
});

describe('property: verify(generate(x)) accepts, and any one changed character is refused', () => {
  const idChars = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-~!@#$%^&*()+=.,;<>'.split(''),
  );
  const id = (max: number) => fc.string({ unit: idChars, minLength: 1, maxLength: max });
  const replacements = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ .!'.split('');

  test('300 random tokens (seed 20261202)', () => {
    fc.assert(
      fc.property(
        fc.record({
          appID: fc.integer({ min: 1, max: 0xffffffff }),
          userID: id(63),
          roomID: id(127),
          mode: fc.constantFrom('gcm' as const, 'cbc' as const),
          effectiveTimeInSeconds: fc.integer({ min: 1, max: 10_000_000 }),
          withRoom: fc.boolean(),
          seed: fc.integer({ min: 0, max: 0x7fffffff }),
          at: fc.nat(),
          replacement: fc.constantFrom(...replacements),
        }),
        (x) => {
          const token = generateToken04({
            appID: x.appID,
            userID: x.userID,
            serverSecret: SECRET,
            effectiveTimeInSeconds: x.effectiveTimeInSeconds,
            payload: x.withRoom ? roomPayload(x.roomID) : '',
            mode: x.mode,
            nowMs: NOW_MS,
            random: seededRandom(x.seed),
          });
          const expect = { appID: x.appID, serverSecret: SECRET, userID: x.userID, roomID: x.roomID, nowMs: NOW_MS };
          const verdict = verifyToken04(token, expect);
          if (verdict.code !== 0 || verdict.expireSeconds !== NOW_MS / 1000 + x.effectiveTimeInSeconds) return false;
          const at = 2 + (x.at % (token.length - 2));
          const replacement = x.replacement === token[at] ? (x.replacement === 'A' ? 'B' : 'A') : x.replacement;
          return verifyToken04(token.slice(0, at) + replacement + token.slice(at + 1), expect).code !== 0;
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });
});

describe('zego-room-bridge token (the CLI; needs the build: dist/server.mjs)', () => {
  const SECRET_FLAGS = ['--app-id', String(APP), '--server-secret', SECRET, '--user-id', 'user1'];
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(root, 'cli', 'zego-room-bridge.mjs'), 'token', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
  const printed = (args: string[]) => {
    const r = run(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^04[A-Za-z0-9+/]+=*\n$/);
    return r.stdout.slice(0, -1);
  };
  const now = () => Date.now();

  test('prints only a GCM token and a newline; it lets the user into any room for an hour', () => {
    const token = printed(SECRET_FLAGS);
    const verdict = verifyToken04(token, expectation({ roomID: 'any-room', nowMs: now() }));
    expect(verdict.code).toBe(0);
    const opened = openOfficialToken04(token, SECRET);
    expect(opened.mode).toBe('gcm');
    expect(opened.claims.payload).toBe('');
    expect(verdict.expireSeconds).toBe((opened.claims.ctime as number) + 3600);
  });

  test('--room-id binds it to the room; --no-login-privilege refuses the login; --cbc; --seconds', () => {
    const forRoom = printed([...SECRET_FLAGS, '--room-id', 'room1', '--cbc', '--seconds', '60']);
    expect(codeOf(forRoom, { nowMs: now() })).toBe(0);
    expect(codeOf(forRoom, { roomID: 'room2', nowMs: now() })).toBe(ZegoErrorCode.RoomErrorAuthenticationFailed);
    const opened = openOfficialToken04(forRoom, SECRET);
    expect(opened.mode).toBe('cbc');
    expect(opened.claims.expire).toBe((opened.claims.ctime as number) + 60);
    expect(JSON.parse(opened.claims.payload as string)).toEqual({
      room_id: 'room1',
      privilege: { 1: 1, 2: 1 },
      stream_id_list: null,
    });
    const denied = printed([...SECRET_FLAGS, '--no-login-privilege']);
    expect(verifyToken04(denied, expectation({ nowMs: now() })).reason).toBe('the token denies the login privilege ("1": 0)');
  });

  test.each([
    [['--app-id', '0'], '--app-id needs an integer from 1 to 4294967295'],
    [['--app-id', '12abc'], '--app-id needs an integer from 1 to 4294967295'],
    [
      ['--server-secret', 'short'],
      "--server-secret: the server secret must be 32 bytes (ZEGO's ServerSecret is 32 characters), not 5",
    ],
    [['--user-id', 'a b'], '--user-id is not a userID the SDK accepts (RoomUserIdInvalidCharacter 1002006)'],
    [['--room-id', 'r/1'], '--room-id is not a roomID the SDK accepts (RoomRoomidInvalidCharacter 1002012)'],
    [['--seconds', '0'], '--seconds needs an integer from 1 to 2147483647'],
    [['--seconds', '1e3'], '--seconds needs an integer from 1 to 2147483647'],
    [['--seconds'], '--seconds needs a value'],
    [['--colour', 'red'], 'unknown option --colour'],
    [['--cbc', '--cbc'], '--cbc is given twice'],
  ])('%j: exit 2, one line naming the flag, nothing on stdout', (extra, message) => {
    // A flag that is also in SECRET_FLAGS is replaced, not repeated.
    const flags = [...SECRET_FLAGS];
    const i = flags.indexOf(extra[0]);
    if (i >= 0) flags.splice(i, 2);
    const r = run([...flags, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`zego-room-bridge token: ${message}\n`);
  });

  test('a missing required flag: exit 2 naming it', () => {
    for (const missing of ['--app-id', '--server-secret', '--user-id']) {
      const flags = [...SECRET_FLAGS];
      flags.splice(flags.indexOf(missing), 2);
      const r = run(flags);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`zego-room-bridge token: ${missing} is required\n`);
    }
  });
});
