// A model-based test's failure is printed as a scenario file: check that `zego-room-bridge run`
// replays such a file to the very same callbacks the property test saw.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ZegoRoomStateChangedReason as R } from '../src/index';
import { sessionArb } from './model/commands';
import { toScenario } from './model/toScenario';
import { play } from './model/world';

const root = join(__dirname, '..');

test('sessions printed as scenario files replay to the same onRoomStateChanged sequences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zrb-model-'));
  const sessions = fc.sample(sessionArb, { numRuns: 30, seed: 77 });
  sessions.forEach((s, i) => {
    const file = join(dir, `s${i}.json`);
    writeFileSync(file, JSON.stringify(toScenario(s), null, 2));
    const out = execFileSync(process.execPath, [join(root, 'cli/zego-room-bridge.mjs'), 'run', file, '--json'], {
      encoding: 'utf8',
    });
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'result', ok: true });
    const played = play(s);
    for (const u of ['A', 'B', 'C'] as const) {
      const want = played.events[u]
        .filter((e) => e.kind === 'state')
        .map((e) => `${e.t} ${e.room} ${R[(e as { reason: R }).reason]} ${(e as { code: number }).code}`);
      const got = lines
        .filter((l) => l.kind === 'callback' && l.user === u && l.callback === 'onRoomStateChanged')
        .map((l) => `${l.t} ${l.room} ${l.reason} ${l.errorCode}`);
      expect(got).toEqual(want);
    }
  });
});
