// The session machine's shape, seen from the driver: the rows that used to hang on hidden flags
// (a switch's two rooms, a token renewed during a login) and the input queue.
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  seededRandom,
  type RoomDriver,
} from '../src/index';
import { transitionProbe } from '../src/session/RoomSession';

/** The simulated driver, with every call the engine makes written down as text. */
function recorded(driver: RoomDriver, calls: string[]): RoomDriver {
  return {
    start: (c) => driver.start(c),
    login: (req) => {
      calls.push(`login ${req.roomID} #${req.attemptID}${req.reconnect ? ' reconnect' : ''} token=${req.token}`);
      driver.login(req);
    },
    switchRoom: (from, req) => {
      calls.push(`switchRoom ${from}→${req.roomID} #${req.attemptID}`);
      driver.switchRoom(from, req);
    },
    cancelLogin: (room) => {
      calls.push(`cancelLogin ${room}`);
      driver.cancelLogin(room);
    },
    logout: (room) => {
      calls.push(`logout ${room}`);
      driver.logout(room);
    },
    renewToken: (room, token) => {
      calls.push(`renewToken ${room} ${token}`);
      driver.renewToken(room, token);
    },
    stop: () => driver.stop(),
  };
}

function setUp(wrap: (d: RoomDriver) => RoomDriver = (d) => d) {
  const clock = new VirtualClock();
  const service = new SimulatedRoomService({ clock });
  const calls: string[] = [];
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver: wrap(recorded(service.createDriver('A'), calls)),
    clock,
    random: seededRandom(1),
  });
  const states: Array<[number, string, R, number]> = [];
  engine.setEventHandler({ onRoomStateChanged: (room, reason, code) => states.push([clock.now(), room, reason, code]) });
  return { clock, service, engine, calls, states };
}

afterEach(() => {
  transitionProbe.observe = undefined;
});

test('a token renewed while the login is out goes to the driver at once, and again on entering Logined', () => {
  const { clock, engine, calls } = setUp();
  engine.loginRoom('r', { userID: 'A' }, { token: 'first' });
  engine.renewToken('r', 'second');
  clock.advanceSync(1000);
  engine.renewToken('r', 'third');
  expect(calls).toEqual(['login r #1 token=first', 'renewToken r second', 'renewToken r second', 'renewToken r third']);
  expect(engine.roomPhase('r')).toBe('Logined');
});

test("switchRoom: the source room leaves through the driver's switch (no logout), the target's first attempt is that switch", () => {
  const { clock, engine, calls, states } = setUp();
  engine.loginRoom('r1', { userID: 'A' });
  clock.advanceSync(1000);
  engine.switchRoom('r1', 'r2');
  clock.advanceSync(1000);
  expect(calls).toEqual(['login r1 #1 token=', 'switchRoom r1→r2 #2']);
  expect(states).toEqual([
    [0, 'r1', R.Logining, 0],
    [120, 'r1', R.Logined, 0],
    [1000, 'r1', R.Logout, 0],
    [1000, 'r2', R.Logining, 0],
    [1120, 'r2', R.Logined, 0],
  ]);
  expect([engine.roomPhase('r1'), engine.roomPhase('r2')]).toEqual(['Idle', 'Logined']);
});

test('switchRoom during a login cancels the attempt in flight (the exit of Logining) and still leaves by the switch', () => {
  const { clock, engine, calls } = setUp();
  engine.loginRoom('r1', { userID: 'A' });
  engine.switchRoom('r1', 'r2');
  clock.advanceSync(1000);
  expect(calls).toEqual(['login r1 #1 token=', 'cancelLogin r1', 'switchRoom r1→r2 #2']);
});

test('an input an effect causes waits for the step that caused it: a driver answering inside login is taken after the login step', () => {
  const steps: string[] = [];
  const { engine, states, clock } = setUp((d) => {
    let events: Parameters<RoomDriver['start']>[0]['events'] | undefined;
    return {
      ...d,
      start: (c) => {
        events = c.events;
        d.start(c);
      },
      // Breaks the driver contract on purpose: answers synchronously, inside the engine's call.
      login: (req) => {
        steps.push(`driver.login #${req.attemptID}`);
        events!.onLoginResult(req.roomID, req.attemptID, 0, '');
        steps.push('driver.login returns');
      },
    };
  });
  transitionProbe.observe = (_room, phase, input, next) => steps.push(`${phase} --${input}--> ${next}`);
  engine.loginRoom('r', { userID: 'A' });
  clock.advanceSync(0);
  expect(steps).toEqual([
    'Idle --login--> Logining',
    'driver.login #1',
    'driver.login returns',
    'Logining --attemptOk--> Logined',
  ]);
  expect(states).toEqual([
    [0, 'r', R.Logining, 0],
    [0, 'r', R.Logined, 0],
  ]);
});
