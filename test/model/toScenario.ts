// Prints a Session in the demo program's scenario format so `zego-room-bridge run` can replay it.
// (The format is documented in docs/SCENARIOS.md; this mapping is kept next to the generator.)
import type { Session } from './commands';

export function toScenario(s: Session): unknown {
  return { name: 'property-test counterexample', seed: s.seed, multiRoom: s.multiRoom, commands: s.cmds };
}
