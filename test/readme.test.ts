// The README's code examples are real: the C# one is compiled by the .NET test project, the
// TypeScript one runs here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  seededRandom,
  ZegoRoomStateChangedReason as R,
} from '../src/index';

const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');

test("the README's Unity example is the file the .NET tests compile", () => {
  const block = readme.slice(readme.indexOf('```csharp\n') + 10, readme.indexOf('```', readme.indexOf('```csharp\n') + 10));
  const file = readFileSync(join(__dirname, '../tests-dotnet/Tests/ReadmeExample.cs'), 'utf8');
  expect(file.slice(file.indexOf('\n') + 1)).toBe(block);
});

test("the README's TypeScript example does what its comments say", async () => {
  const clock = new VirtualClock();
  const service = new SimulatedRoomService({ clock });
  const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, random: seededRandom(1) });
  const seen: Array<[number, R, number]> = [];
  engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([clock.now(), reason, code]) });
  engine.loginRoom('room1', { userID: 'A' }, { isUserStatusNotify: true });
  await clock.advance(1000);
  service.setNetwork('A', false);
  await clock.advance(20 * 60_000);
  expect(seen).toEqual([
    [0, R.Logining, 0],
    [120, R.Logined, 0],
    [1000, R.Reconnecting, 1002051],
    [1000 + 20 * 60_000, R.ReconnectFailed, 1002053],
  ]);
  expect(readme).toContain("service.setNetwork('A', false);            // link drops: Reconnecting 1002051 at once");
});

test("the README's printed timeline is the demo's own output (docs/demo-timeline.txt, case 2, T0 to T6)", () => {
  const pic = readme.indexOf('![Reconnection case 2');
  const open = readme.indexOf('```\n', pic) + 4;
  const block = readme.slice(open, readme.indexOf('```', open)).trimEnd();
  const lines = block.split('\n');
  expect(lines.length).toBeGreaterThan(15);
  expect(lines[0]).toContain(' T0 ');
  expect(lines[lines.length - 1]).toContain(' T6 ');
  expect(block).toContain('Reconnecting (3)   1002051 RoomConnectTemporaryBroken');
  const timeline = readFileSync(join(__dirname, '../docs/demo-timeline.txt'), 'utf8');
  expect(timeline).toContain(block);
});
