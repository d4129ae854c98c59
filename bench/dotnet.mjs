// The .NET probe of `npm run bench` (bench/dotnet-probe): what the package's C# costs per frame, as a
// Unity profiler would count it — bytes allocated and time per idle Tick over a host that costs nothing,
// and per event over the real core.mjs in V8. Needs the .NET SDK; without it the section says so.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const IDLE_BYTES_TARGET = 0;
export const IDLE_NS_TARGET = 2000;

/** Runs the probe (Release build); null when dotnet is missing or the probe fails (the reason is logged). */
export function dotnetProbe(root, log) {
  try {
    const out = execFileSync('dotnet', ['run', '-c', 'Release', '--project', join(root, 'bench/dotnet-probe')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 9 * 60_000,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    });
    const line = out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop();
    return JSON.parse(line);
  } catch (e) {
    log(`dotnet probe not run: ${String(e.message ?? e).split('\n')[0]}`);
    return null;
  }
}

const ns = (x) => `${Math.round(x)} ns`;
const bytes = (x) => `${Number.isInteger(x) ? x : x.toFixed(1)} B`;

export function dotnetTargets(probe) {
  if (!probe) return [['0 B per idle frame (package C#)', false, 'not measured (no .NET SDK)']];
  const worst = Math.max(probe.idle.nsPerFrame, probe.idleNative.nsPerFrame);
  return [
    [
      '0 B per idle frame (package C#)',
      Math.max(probe.idle.bytesPerFrame, probe.idleNative.bytesPerFrame) <= IDLE_BYTES_TARGET,
      `${bytes(probe.idle.bytesPerFrame)} (simulator), ${bytes(probe.idleNative.bytesPerFrame)} (native)`,
    ],
    [
      '≤ 2 µs per idle frame (package C#)',
      worst <= IDLE_NS_TARGET,
      `${ns(probe.idle.nsPerFrame)} (simulator), ${ns(probe.idleNative.nsPerFrame)} (native)`,
    ],
  ];
}

export function dotnetSection(probe) {
  const head = `## The C# package per frame (.NET probe)

Method: bench/dotnet-probe compiles the package's C# (unity-plugin/Runtime, without the PuerTS and Unity
files) against the tests' UnityEngine stubs and runs it in Release under .NET. Bytes are
\`GC.GetAllocatedBytesForCurrentThread()\` (exact), time is a Stopwatch over many frames after a warm-up.
An idle frame is \`ZegoExpressEngine.Tick()\` with an engine and a delegate assigned but nothing to
deliver, over a script host that costs nothing (it reports 0 pending): what remains is the package's
own code — the queued-call check, the answers owed after DestroyEngine, the timer pump call and the
\`bridgePending()\` check that skips \`bridgeDrain()\` and its string. The same 0 B is asserted by
tests-dotnet/Tests/IdleFrameTests.cs. In Unity, PuerTS's \`ScriptEnv.Tick()\` and the \`bridgePending\`
call add their own cost (a number crosses; no string is made).
`;
  if (!probe)
    return `${head}\nNot measured on this run: the .NET probe did not run (no .NET SDK, or it failed: see the bench log).\n`;
  const e = probe.event;
  return `${head}
| frame | frames | bytes per frame | time per frame |
|---|---|---|---|
| idle, simulator driver | ${probe.idle.frames.toLocaleString('en')} | **${bytes(probe.idle.bytesPerFrame)}** | ${ns(probe.idle.nsPerFrame)} |
| idle, native driver (a ZEGO adapter that does nothing) | ${probe.idleNative.frames.toLocaleString('en')} | **${bytes(probe.idleNative.bytesPerFrame)}** | ${ns(probe.idleNative.nsPerFrame)} |

Per event, over the real core.mjs in V8 (ClearScript): the engine logs in and out of a room on the
simulator's virtual clock, and each \`Tick()\` delivers that step's events (Logining, Logined, Logout and
the legacy onRoomStateUpdate of each) as delegates; ${e.events.toLocaleString('en')} events.

| per event | bytes | time |
|---|---|---|
| whole Tick (core in V8, ClearScript, package) | ${Math.round(e.bytesPerEvent)} B | ${e.usPerEvent.toFixed(1)} µs |
| the package's own share (the host's calls subtracted) | ${Math.round(e.packageBytesPerEvent)} B | ${e.packageUsPerEvent.toFixed(1)} µs |

Most of the package's share per event is reading the batch into Newtonsoft's JSON objects; a frame
with events allocates, an idle frame does not.
`;
}
