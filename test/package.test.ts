// The npm build: `import … from 'zego-room-bridge'` works from Node (ESM), with .d.ts, and core.mjs is self-contained.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..');
const coreMjs = join(root, 'unity-plugin/Runtime/Resources/ZegoRoomBridge/core.mjs');

describe('the built package', () => {
  test('exports["."] is importable from Node and plays a login on virtual time', () => {
    const script = `
      import { ZegoExpressEngine, SimulatedRoomService, VirtualClock, ZegoRoomStateChangedReason as R } from 'zego-room-bridge';
      const clock = new VirtualClock(0);
      const service = new SimulatedRoomService({ clock });
      const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, random: () => 0.5 });
      const seen = [];
      engine.setEventHandler({ onRoomStateChanged: (room, reason, code) => seen.push([clock.now(), R[reason], code]) });
      engine.loginRoom('room1', { userID: 'A' });
      await clock.advance(1000);
      console.log(JSON.stringify(seen));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([
      [0, 'Logining', 0],
      [120, 'Logined', 0],
    ]);
  });

  test('types are shipped for exports["."]', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].types).toBe('./dist/types/index.d.ts');
    const dts = readFileSync(join(root, 'dist/types/index.d.ts'), 'utf8');
    // The API every build carries is in core.d.ts; index.d.ts adds the simulator.
    expect(dts).toContain("export * from './core.js'");
    expect(dts).toContain('SimulatedRoomService');
    expect(readFileSync(join(root, 'dist/types/core.d.ts'), 'utf8')).toContain('ZegoExpressEngine');
    expect(existsSync(join(root, 'dist/types/driver/RoomDriver.d.ts'))).toBe(true);
  });

  test('core.mjs has no imports and no host APIs PuerTS lacks', () => {
    const src = readFileSync(coreMjs, 'utf8');
    expect(src).not.toMatch(/^\s*import\s/m);
    expect(src).not.toMatch(/\brequire\(/);
    for (const api of [
      'TextEncoder',
      'TextDecoder',
      'atob(',
      'btoa(',
      'fetch(',
      'window.',
      'document.',
      'process.',
      'queueMicrotask',
      'setImmediate',
    ]) {
      const code = src
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
      expect(code).not.toContain(api);
    }
    expect(src).toMatch(/export ?\{[^}]*bridgeInvoke/);
  });

  test('sim.mjs imports only ./core.mjs, and only names core.mjs exports (one core, one bridge)', () => {
    const sim = readFileSync(join(dirname(coreMjs), 'sim.mjs'), 'utf8');
    const imports = [...sim.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)];
    expect(imports.map((m) => m[2])).toEqual(['./core.mjs']);
    expect(sim.match(/^\s*import\s/gm)).toHaveLength(1);
    const exportList = /export ?\{([^}]*)\};?\s*(\/\/# sourceMappingURL=\S+\s*)?$/.exec(readFileSync(coreMjs, 'utf8'))![1];
    const exported = new Set(
      exportList.split(',').map((n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      ),
    );
    const imported = imports[0][1].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]);
    expect(imported).toContain('defaultBridge');
    for (const name of imported) expect(exported).toContain(name);
  });
});
