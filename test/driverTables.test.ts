// The drivers' reaction tables (src/driver/sdkDriver.ts): unambiguous (row order never decides), and
// every row taken by a run that asserts what the engine heard: the Web rows by the replayed Web SDK
// traces (test/fixtures/webgl), the native rows by ZEGO's callbacks scripted here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findReaction, SdkDriver, type Reaction, type SdkRoom } from '../src/driver/sdkDriver';
import type { LoginRequest, RoomDriverEvents } from '../src/driver/RoomDriver';
import { VirtualClock } from '../src/host/virtualClock';
import { ZegoRoomStateChangedReason as R } from '../src/model/enums';
import { NATIVE_REACTIONS, NativeZegoDriver } from '../src/native/NativeZegoDriver';
import { WEB_REACTIONS } from '../src/webgl/ZegoWebDriver';
import { runTrace, type Trace } from './webgl/traceRunner';

type AnyRow = Reaction<string, string, string, string>;

/** Records the row every reaction of every SDK driver takes while `run` goes. */
async function rowsTaken(table: readonly AnyRow[], run: () => Promise<void> | void): Promise<Set<AnyRow>> {
  const taken = new Set<AnyRow>();
  const proto = SdkDriver.prototype as unknown as {
    react(room: SdkRoom, event: string, codeClass: string | undefined, code: number, ext: string): boolean;
  };
  const original = proto.react;
  const spy = jest.spyOn(proto, 'react').mockImplementation(function (this: unknown, room, event, codeClass, code, ext) {
    const row = findReaction(table, event, room.status, codeClass, room.session !== 0);
    if (row) taken.add(row);
    return original.call(this, room, event, codeClass, code, ext);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return taken;
}

const describeRow = (row: AnyRow) => `${row.on}${row.code ? `/${row.code}` : ''}`;

describe.each([
  ['Web', WEB_REACTIONS as readonly AnyRow[]],
  ['native', NATIVE_REACTIONS as readonly AnyRow[]],
])('the %s reaction table', (_name, table) => {
  test('is unambiguous: two rows for the same event and status differ in their code class', () => {
    const clashes: string[] = [];
    table.forEach((a, i) =>
      table.slice(i + 1).forEach((b) => {
        const sharedStatus = a.in.some((s) => b.in.includes(s));
        const distinctClass = a.code !== undefined && b.code !== undefined && a.code !== b.code;
        if (a.on === b.on && sharedStatus && !distinctClass) clashes.push(`${describeRow(a)} / ${describeRow(b)}`);
      }),
    );
    expect(clashes).toEqual([]);
  });

  test('every row applies in each status it lists', () => {
    for (const row of table) {
      for (const status of row.in) expect(findReaction(table, row.on, status, row.code, true)).toBe(row);
    }
  });
});

describe('every row is taken by a run that checks its outcome', () => {
  test('Web: the replayed traces take every row of WEB_REACTIONS and still match', async () => {
    const dir = join(__dirname, 'fixtures/webgl');
    const traces = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Trace);
    const taken = await rowsTaken(WEB_REACTIONS, async () => {
      for (const trace of traces) {
        const { app } = await runTrace(trace);
        expect(app).toEqual(trace.expect.app);
      }
    });
    expect(WEB_REACTIONS.filter((row) => !taken.has(row)).map(describeRow)).toEqual([]);
  });

  test("native: ZEGO's callbacks for each row; the engine hears exactly these facts, in this order", async () => {
    const clock = new VirtualClock(0);
    const heard: unknown[][] = [];
    const events: RoomDriverEvents = {
      onLoginResult: (room, attempt, code, ext) => heard.push(['result', room, attempt, code, ext]),
      onLinkLost: (room, session, code) => heard.push(['linkLost', room, session, code]),
      onKickOut: (room, session, code, ext) => heard.push(['kickOut', room, session, code, ext]),
      onRoomUserUpdate: () => undefined,
      onRoomOnlineUserCountUpdate: () => undefined,
      onRoomTokenWillExpire: () => undefined,
    };
    const commands: Array<[string, unknown[]]> = [];
    const driver = new NativeZegoDriver((event, args) => commands.push([event, args]));
    driver.start({ appID: 1, roomMode: 0, clock, events });
    const request = (roomID: string, attemptID: number, reconnect = false): LoginRequest => ({
      roomID,
      user: { userID: 'A', userName: 'A' },
      token: 't',
      maxMemberCount: 0,
      isUserStatusNotify: false,
      reconnect,
      attemptID,
    });
    const zego = (...args: unknown[]) => driver.onHostEvent('onRoomStateChanged', args);

    const taken = await rowsTaken(NATIVE_REACTIONS, async () => {
      driver.login(request('a', 1));
      zego('a', R.Logined, 0, 'ext-a'); // Logined → 0
      driver.login(request('b', 2));
      zego('b', R.LoginFailed, 1002033, ''); // LoginFailed → its code
      driver.login(request('c', 3));
      driver.onHostEvent('loginResult', ['c', 3, 0, '']); // LoginRoom's callback, success
      driver.login(request('d', 4));
      driver.onHostEvent('loginResult', ['d', 4, 1002030, '']); // and failure
      zego('a', R.Reconnecting, 1002051, ''); // link lost, once
      zego('a', R.Reconnecting, 1002051, '');
      driver.login(request('a', 5, true)); // the engine's reconnect attempt, held
      zego('a', R.Reconnected, 0, ''); // answers it
      zego('c', R.ReconnectFailed, 1002053, ''); // no attempt held: a loss first, the outcome kept
      driver.login(request('c', 6, true)); // … for this attempt, on a timer turn
      await clock.advance(0);
      zego('a', R.KickOut, 1002050, 'kick'); // names session 5
      zego('a', R.KickOut, 1002050, 'kick'); // the room is forgotten: dropped
    });
    expect(heard).toEqual([
      ['result', 'a', 1, 0, 'ext-a'],
      ['result', 'b', 2, 1002033, ''],
      ['result', 'c', 3, 0, ''],
      ['result', 'd', 4, 1002030, ''],
      ['linkLost', 'a', 1, 1002051],
      ['result', 'a', 5, 0, ''],
      ['linkLost', 'c', 3, 0],
      ['result', 'c', 6, 1002053, ''],
      ['kickOut', 'a', 5, 1002050, 'kick'],
    ]);
    expect(NATIVE_REACTIONS.filter((row) => !taken.has(row)).map(describeRow)).toEqual([]);
  });
});
