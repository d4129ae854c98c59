// Every row of the session machine's table is taken by something the suite plays: the built-in and
// fixture scenario files and the model-based property test's sessions (same arbitrary, seed and count),
// replayed here in-process with a probe on the session's single step function. A row none of them
// reaches is named, so a new row comes with the test that takes it.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import * as api from '../src/index';
import { transitionProbe } from '../src/session/RoomSession';
import { TRANSITIONS, type Input, type Phase } from '../src/session/transitions';
import { sessionArb } from './model/commands';
import { play } from './model/world';

// ESM, run through babel-jest (jest.config.cjs); required so the type check does not need its types.

const { loadScenario, runScenario } = require('../cli/scenario.mjs') as {
  loadScenario(json: string): { scenario: unknown; errors: string[] };
  runScenario(scenario: unknown, api: unknown): { failures: string[] };
};

const root = join(__dirname, '..');
// The property test's own sample (test/model.property.test.ts): same arbitrary, seed and number of runs.
const RUNS = 1000;
const SEED = 20261126;

const rows = (): string[] =>
  (Object.keys(TRANSITIONS) as Phase[]).flatMap((phase) =>
    (Object.keys(TRANSITIONS[phase]) as Input[]).map((input) => `${phase} --${input}-->`),
  );

function scenarioFiles(): string[] {
  const dirs = [join(root, 'scenarios'), join(root, 'test', 'fixtures', 'scenarios')];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .sort()
      .map((f) => join(d, f)),
  );
}

const fired = new Map<string, number>();
const malformed: string[] = [];
const failing: string[] = [];

beforeAll(() => {
  transitionProbe.observe = (_room, phase, input) => {
    const key = `${phase} --${input}-->`;
    fired.set(key, (fired.get(key) ?? 0) + 1);
  };
  for (const file of scenarioFiles()) {
    const { scenario, errors } = loadScenario(readFileSync(file, 'utf8'));
    if (errors.length > 0) {
      malformed.push(basename(file));
      continue;
    } // nothing to play
    if (runScenario(scenario, api).failures.length > 0) failing.push(basename(file));
  }
  for (const s of fc.sample(sessionArb, { numRuns: RUNS, seed: SEED })) play(s);
});
afterAll(() => {
  transitionProbe.observe = undefined;
});

test('the scenario files replayed here play as their own expectations say (the malformed fixtures and the one failing on purpose aside)', () => {
  expect(malformed).toEqual(['malformed-many.json', 'malformed-step-at.json', 'not-json.json']);
  expect(failing).toEqual(['failing-expectation.json']);
});

test('every row of the transition table is taken by the scenarios or the model-based sessions', () => {
  const missed = rows().filter((r) => !fired.has(r));
  expect(missed).toEqual([]);
  expect(fired.size).toBe(rows().length);
});
