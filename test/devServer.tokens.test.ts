// Token04 through the whole path: a `serve` process started with --app-id and --server-secret, engines on
// the dev driver logging in with tokens made in the test by the official algorithm (not the package's
// generator). Accepted tokens get Logined; each bad one gets LoginFailed with the code docs/DEVSERVER.md lists.
import { ZegoRoomStateChangedReason as R } from '../src/index';
import { DevClient, startServe, type ServeProcess } from './support/devServer';
import { officialToken04, type OfficialTokenInput } from './support/officialToken04';

const APP_ID = 1234567;
const SECRET = '0123456789abcdef0123456789abcdef';
let server: ServeProcess;
const clients: DevClient[] = [];

beforeAll(async () => {
  server = await startServe(['--app-id', String(APP_ID), '--server-secret', SECRET]);
});
afterAll(async () => {
  await server.stop();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function token(mode: 'cbc' | 'gcm', userID: string, change: Partial<OfficialTokenInput> = {}): string {
  return officialToken04(mode, {
    appId: APP_ID,
    userId: userID,
    secret: SECRET,
    effectiveTimeInSeconds: 3600,
    payload: '',
    createTime: Math.floor(Date.now() / 1000),
    nonce: 123456789,
    randomChars: '0123456789abcdefghij',
    ...change,
  });
}

const privilege = (room: string, login: 0 | 1) =>
  JSON.stringify({ room_id: room, privilege: { '1': login, '2': 1 }, stream_id_list: null });

async function loginWith(userID: string, room: string, tokenText: string): Promise<Array<[R, number]>> {
  const c = new DevClient(userID, server.url, { heartbeatIntervalMs: 1000 });
  clients.push(c);
  c.login(room, tokenText);
  await c.waitFor((s) => s.cb === 'state' && (s.reason === R.Logined || s.reason === R.LoginFailed));
  return c.states();
}

test('the server says at start that it checks tokens (no warning that any token is accepted)', () => {
  expect(server.output.join('')).not.toContain('tokens are NOT checked');
});

for (const mode of ['cbc', 'gcm'] as const) {
  describe(`Token04, ${mode.toUpperCase()} form`, () => {
    test('accepted: Logining then Logined', async () => {
      expect(await loginWith(`ok-${mode}`, 'tokens', token(mode, `ok-${mode}`))).toEqual([
        [R.Logining, 0],
        [R.Logined, 0],
      ]);
    });

    test('accepted in the room its payload names', async () => {
      const user = `room-ok-${mode}`;
      expect((await loginWith(user, 'named', token(mode, user, { payload: privilege('named', 1) }))).at(-1)).toEqual([
        R.Logined,
        0,
      ]);
    });

    const rejections: Array<[string, (user: string) => string, number]> = [
      [
        'another secret (bad signature) → 1002033',
        (u) => token(mode, u, { secret: 'fedcba9876543210fedcba9876543210' }),
        1002033,
      ],
      ['another app → 1002076', (u) => token(mode, u, { appId: APP_ID + 1 }), 1002076],
      ['another user → 1002077', (u) => token(mode, `${u}-other`), 1002077],
      ['another room → 1002033', (u) => token(mode, u, { payload: privilege('elsewhere', 1) }), 1002033],
      ['no login privilege → 1002033', (u) => token(mode, u, { payload: privilege('tokens', 0) }), 1002033],
      [
        'expired → 1002078',
        (u) => token(mode, u, { createTime: Math.floor(Date.now() / 1000) - 7200, effectiveTimeInSeconds: 3600 }),
        1002078,
      ],
    ];
    for (const [name, make, code] of rejections) {
      test(`rejected, ${name}: LoginFailed with that code`, async () => {
        const user = `bad-${mode}-${code}-${name.length}`;
        expect(await loginWith(user, 'tokens', make(user))).toEqual([
          [R.Logining, 0],
          [R.LoginFailed, code],
        ]);
      });
    }
  });
}

test('no token at all → LoginFailed 1002067', async () => {
  expect(await loginWith('no-token', 'tokens', '')).toEqual([
    [R.Logining, 0],
    [R.LoginFailed, 1002067],
  ]);
});

test('not a Token04 (version 03) → LoginFailed 1002079', async () => {
  expect(await loginWith('v03', 'tokens', `03${token('gcm', 'v03').slice(2)}`)).toEqual([
    [R.Logining, 0],
    [R.LoginFailed, 1002079],
  ]);
});
