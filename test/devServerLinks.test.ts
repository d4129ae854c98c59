// A long-running dev server forgets devices that left for good (no socket, no member session, no fault),
// so Editors restarted all day do not pile up; a device that only lost its link is kept so it can resume.
import WebSocket from 'ws';
import {
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  createDevDriver,
  seededRandom,
  type DevWebSocketClass,
} from '../src/index';
import { DevRoomServer } from '../src/server/index';

async function until(done: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a device that logged out is forgotten at the next sweep; one that only lost its link is kept until its member goes', async () => {
  const server = new DevRoomServer({ port: 0, heartbeatTimeoutMs: 400 });
  const { url } = await server.start();
  const make = (clientId: string) => {
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      random: seededRandom(1),
      retryWindowMs: 60_000,
      driver: createDevDriver({ url, WebSocket: WebSocket as unknown as DevWebSocketClass, heartbeatIntervalMs: 100, clientId }),
      logger: { warn: () => undefined, error: () => undefined },
    });
    const states: R[] = [];
    engine.setEventHandler({ onRoomStateChanged: (_r, reason) => states.push(reason) });
    engine.loginRoom('links', { userID: clientId });
    return { engine, states };
  };
  const leaving = make('leaving');
  const staying = make('staying');
  const clientIds = () => (server.state().clients as Array<{ clientId: string }>).map((c) => c.clientId).sort();
  try {
    await until(() => leaving.states.includes(R.Logined) && staying.states.includes(R.Logined), 'both logged in');
    expect(clientIds()).toEqual(['leaving', 'staying']);
    leaving.engine.logoutRoom('links');
    await until(() => clientIds().length === 1, 'the device that logged out forgotten');
    expect(clientIds()).toEqual(['staying']);
    // Blackholed: its socket closes, its member stays for the heartbeat timeout, the device is kept meanwhile.
    server.blackhole('staying');
    await until(() => staying.states.includes(R.Reconnecting), 'staying reconnecting');
    expect(clientIds()).toEqual(['staying']);
  } finally {
    leaving.engine.destroy();
    staying.engine.destroy();
    await server.close();
  }
});
