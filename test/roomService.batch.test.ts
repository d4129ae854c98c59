// RoomService's push window (the local room server's 20 ms): joins due in one window reach a listener as one
// user list, on the window's edge; without a window (the simulator) each moment is its own push.
import { VirtualClock } from '../src/index';
import { RoomService, type RoomClientPort, type RoomPush } from '../src/rooms/RoomService';

function world(pushBatchMs: number | undefined) {
  const clock = new VirtualClock(1_000_000);
  const service = new RoomService({ clock, notifyLatencyMs: 0, pushBatchMs });
  const heard: Array<[number, string[]]> = [];
  const port = (record: boolean): RoomClientPort => ({
    linkUp: () => true,
    kickOut: () => undefined,
    deliver: (_room, _key, latencyMs, push: RoomPush, delivered) =>
      clock.setTimeout(() => {
        delivered?.();
        if (record && push.type === 'userUpdate') heard.push([clock.now() - 1_000_000, push.users.map((u) => u.userID)]);
      }, latencyMs),
    deliverNow: () => undefined,
  });
  const join = (id: string, record = false) => {
    service.attachClient(id, port(record));
    service.handleLogin(id, {
      roomID: 'r',
      user: { userID: id, userName: id },
      token: '',
      maxMemberCount: 0,
      isUserStatusNotify: true,
      reconnect: false,
    });
  };
  return { clock, join, heard };
}

test('with a 20 ms window: three joins at 3, 9 and 19 ms reach the listener as one list at 20 ms; one at 21 ms waits for 40 ms', () => {
  const w = world(20);
  w.join('listener', true);
  for (const [at, id] of [
    [3, 'a'],
    [9, 'b'],
    [19, 'c'],
    [21, 'd'],
  ] as const) {
    w.clock.advanceSync(at - (w.clock.now() - 1_000_000));
    w.join(id);
  }
  w.clock.advanceSync(100);
  expect(w.heard).toEqual([
    [20, ['a', 'b', 'c']],
    [40, ['d']],
  ]);
});

test('without a window (the simulator): each moment is its own push, at once', () => {
  const w = world(undefined);
  w.join('listener', true);
  w.clock.advanceSync(3);
  w.join('a');
  w.clock.advanceSync(6);
  w.join('b');
  w.clock.advanceSync(100);
  expect(w.heard).toEqual([
    [3, ['a']],
    [9, ['b']],
  ]);
});
