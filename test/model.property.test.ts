// Model-based property tests: random sessions of API calls and faults for three users at once.
// PROPERTY_RUNS raises the count (the benchmark runs 10,000); the jest suite runs a fixed-seed sample.
import fc from 'fast-check';
import { sessionArb, type Session } from './model/commands';
import { checkInvariants } from './model/invariants';
import { play } from './model/world';
import { toScenario } from './model/toScenario';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261126);

test(`room state invariants hold for ${RUNS} random sessions (seed ${SEED})`, () => {
  const result = fc.check(
    fc.property(sessionArb, (s: Session) => checkInvariants(play(s)).length === 0),
    { numRuns: RUNS, seed: SEED },
  );
  if (result.failed && result.counterexample) {
    const s = result.counterexample[0] as Session;
    const violations = checkInvariants(play(s));
    throw new Error(
      `shrunk failure (${result.numShrinks} shrinks):\n${violations.slice(0, 10).join('\n')}\n\nreplay with \`zego-room-bridge run\`:\n${JSON.stringify(toScenario(s), null, 2)}`,
    );
  }
  expect(result.failed).toBe(false);
  expect(result.numRuns).toBe(RUNS);
});

test('the invariants catch a broken engine (a Reconnected without Reconnecting is reported)', () => {
  const played = play({
    multiRoom: [],
    seed: 1,
    cmds: [
      { op: 'login', user: 'A', room: 'r1', notify: true, token: 'none' },
      { op: 'advance', ms: 1000 },
    ],
  });
  expect(checkInvariants(played)).toEqual([]);
  const logined = played.events.A.findIndex((e) => e.kind === 'state' && e.reason === 1);
  (played.events.A[logined] as { reason: number }).reason = 4; // Logined → Reconnected
  expect(checkInvariants(played).join('\n')).toContain('Reconnected after Logining');
});
