// An isolated bridge as core.mjs + sim.mjs make it in the Editor: the "native" and "simulator" drivers
// and the simulator's ops. Each test file gets its own, so no state leaks between files.
import { createBridge, type Bridge } from '../src/boundary/bridge';
import { registerNativeDriver } from '../src/native/register';
import { installSimulator } from '../src/simulator/bridgeDriver';

export function simulatorBridge(): Bridge {
  const bridge = createBridge();
  registerNativeDriver(bridge);
  installSimulator(bridge);
  return bridge;
}
