// The dev driver through the bridge, as C# (dev.mjs in Unity) drives it: two bridges stand for two Editors
// on one server. Each bridge numbers its engines' clients from 1, so the driver must not take the bridge's
// client id as the device's: both Editors get into the room and each hears the other.
import { createBridge } from '../src/puerts-entry';
import { installDevDriver } from '../src/dev/bridgeDriver';
import WebSocket from 'ws';
import { DevRoomServer } from '../src/server/index';

// In Unity the global WebSocket is PuerTS's or the browser's; Node 20 has none, so the test lends `ws`'s.
const host = globalThis as { WebSocket?: unknown };
const savedWebSocket = host.WebSocket;
beforeAll(() => {
  host.WebSocket = WebSocket;
});
afterAll(() => {
  host.WebSocket = savedWebSocket;
});

type BridgeEvent = { engine: string; event: string; args: unknown[] };

test('two Editors (two bridges) on one server: both Logined, each hears the other as Add', async () => {
  const server = new DevRoomServer({ port: 0, heartbeatTimeoutMs: 5000 });
  const { url } = await server.start();
  const editors = ['editor-a', 'editor-b'].map((userID) => {
    const bridge = createBridge();
    installDevDriver(bridge);
    const created = JSON.parse(
      bridge.invoke(JSON.stringify({ op: 'createEngine', appID: 1, driver: 'dev', dev: { url, heartbeatIntervalMs: 500 } })),
    );
    expect(created).toMatchObject({ ok: true });
    const login = JSON.parse(
      bridge.invoke(
        JSON.stringify({
          op: 'loginRoom',
          engine: created.engine,
          roomID: 'shared',
          user: { userID },
          config: { isUserStatusNotify: true },
        }),
      ),
    );
    expect(login).toMatchObject({ ok: true });
    return { bridge, userID, events: [] as BridgeEvent[] };
  });
  try {
    const deadline = Date.now() + 10_000;
    const heardOther = (e: (typeof editors)[0]) =>
      e.events.some(
        (ev) =>
          ev.event === 'onRoomUserUpdate' && JSON.stringify(ev.args).includes(e.userID === 'editor-a' ? 'editor-b' : 'editor-a'),
      );
    while (!editors.every(heardOther)) {
      if (Date.now() > deadline) throw new Error(`not both in the room in 10 s: ${JSON.stringify(editors.map((e) => e.events))}`);
      await new Promise((r) => setTimeout(r, 20));
      for (const e of editors) e.events.push(...(JSON.parse(e.bridge.drain()) as BridgeEvent[]));
    }
    for (const e of editors) {
      const states = e.events.filter((ev) => ev.event === 'onRoomStateChanged').map((ev) => ev.args.slice(1, 3));
      expect(states).toEqual([
        [0, 0],
        [1, 0],
      ]);
    }
    expect(server.state().clients).toHaveLength(2);
  } finally {
    for (const e of editors) e.bridge.reset();
    await server.close();
  }
});
