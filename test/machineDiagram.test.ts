// docs/session-machine.svg is the session machine's table drawn by `zego-room-bridge diagram`
// (`npm run gen:diagram`): it must be exactly what the table in src/ draws, and name every row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZegoRoomStateChangedReason } from '../src/index';
import { PHASE_EFFECTS, TRANSITIONS, type Phase } from '../src/session/transitions';
import { cli } from './demoHelpers';

// ESM, run through babel-jest (jest.config.cjs).

const { renderMachineSvg } = require('../cli/diagram.mjs') as { renderMachineSvg(tables: unknown): string };

const committed = readFileSync(join(__dirname, '..', 'docs', 'session-machine.svg'), 'utf8');
const drawn = renderMachineSvg({ TRANSITIONS, PHASE_EFFECTS, ZegoRoomStateChangedReason });

test('docs/session-machine.svg is what the table draws (regenerate: npm run gen:diagram)', () => {
  expect(committed).toBe(drawn);
});

test('the picture has a box per phase with its entry and exit effects, and a label per row', () => {
  const phases = Object.keys(TRANSITIONS) as Phase[];
  expect([...drawn.matchAll(/data-phase="(\w+)"/g)].map((m) => m[1]).sort()).toEqual([...phases].sort());
  const labelled = new Set([...drawn.matchAll(/data-row="(\w+) (\w+)"/g)].map((m) => `${m[1]} ${m[2]}`));
  const rows = phases.flatMap((p) => Object.keys(TRANSITIONS[p]).map((input) => `${p} ${input}`));
  expect([...labelled].sort()).toEqual(rows.sort());
  expect(drawn).toContain('>exit: cancelAttempt, closeWindow<');
  expect(drawn).toContain('>windowEnd → ReconnectFailed 1002053<');
});

test("`zego-room-bridge diagram` prints the same SVG (the built package's table)", () => {
  const r = cli(['diagram']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(committed);
});
