// The README's code examples are real: the C# one is compiled by the .NET test project, the
// TypeScript one runs here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimulatedRoomService, VirtualClock, ZegoExpressEngine, seededRandom, ZegoRoomStateChangedReason as R } from '../src/index';

const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');

test('the README\'s Unity example is the file the .NET tests compile', () => {
  const block = readme.slice(readme.indexOf('```csharp\n') + 10, readme.indexOf('```', readme.indexOf('```csharp\n') + 10));
  const file = readFileSync(join(__dirname, '../tests-dotnet/Tests/ReadmeExample.cs'), 'utf8');
  expect(file.slice(file.indexOf('\n') + 1)).toBe(block);
});

test('the README\'s TypeScript example does what its comments say', async () => {
  const clock = new VirtualClock();
  const service = new SimulatedRoomService({ clock });
  const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, random: seededRandom(1) });
  const seen: Array<[number, R, number]> = [];
  engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([clock.now(), reason, code]) });
  engine.loginRoom('room1', { userID: 'A' }, { isUserStatusNotify: true });
  await clock.advance(1000);
  service.setNetwork('A', false);
  await clock.advance(20 * 60_000);
  expect(seen).toEqual([[0, R.Logining, 0], [120, R.Logined, 0], [1000, R.Reconnecting, 1002051], [1000 + 20 * 60_000, R.ReconnectFailed, 1002053]]);
  expect(readme).toContain("service.setNetwork('A', false);            // link drops: Reconnecting 1002051 at once");
});
