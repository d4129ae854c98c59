// The printed timeline: one line per step or callback, time since T0 first, codes with their names.

/** -1000 → "-00:01.000", 1_200_120 → "20:00.120" (minutes are not wrapped into hours). */
export function formatTime(ms) {
  const sign = ms < 0 ? '-' : '';
  const a = Math.abs(Math.round(ms));
  const min = Math.floor(a / 60000);
  const sec = Math.floor((a % 60000) / 1000);
  const milli = a % 1000;
  return `${sign}${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}

/** 120 → "120 ms", 88_880 → "88.9 s", 1_110_000 → "18 min 30 s". */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60000);
  const sec = Math.round((ms % 60000) / 1000);
  return sec ? `${min} min ${sec} s` : `${min} min`;
}

const code = (ev) => `${ev.errorCode}${ev.errorName ? ` ${ev.errorName}` : ''}`;

/** The part of a line after time and user. */
export function describeEvent(ev) {
  if (ev.kind === 'step') return `» ${ev.text}`;
  if (ev.kind === 'log') return `log ${ev.level}: ${ev.message}`;
  const cb = ev.callback.padEnd(20);
  switch (ev.callback) {
    case 'onRoomStateChanged':
      return `${cb} ${ev.room}  ${`${ev.reason} (${ev.reasonValue})`.padEnd(18)} ${code(ev)}`;
    case 'onRoomStateUpdate':
      return `${cb} ${ev.room}  ${`${ev.state} (${ev.stateValue})`.padEnd(18)} ${code(ev)}`;
    case 'onRoomUserUpdate':
      return `${cb} ${ev.room}  ${ev.updateType} [${ev.users.join(', ')}]`;
    case 'onRoomOnlineUserCountUpdate':
      return `${ev.callback} ${ev.room}  count ${ev.count}`;
    case 'onRoomTokenWillExpire':
      return `${ev.callback} ${ev.room}  remainTimeInSecond ${ev.remainTimeInSecond}`;
    case 'onDebugError':
      return `${cb} ${code(ev)} (in ${ev.funcName})`;
    case 'loginRoomCallback':
      return `${'loginRoom callback'.padEnd(20)} ${ev.room}  ${code(ev)}`;
    case 'logoutRoomCallback':
      return `${'logoutRoom callback'.padEnd(20)} ${ev.room}  ${code(ev)}`;
    default:
      return ev.text;
  }
}

/** The whole printed block for one scenario run. */
export function formatTimeline(scenario, result) {
  let userW = 4;
  for (const l of result.lanes) if (l.length > userW) userW = l.length;
  const lines = [`== ${scenario.name}${scenario.title ? `: ${scenario.title}` : ''}`];
  if (scenario.description) lines.push(`   ${scenario.description}`);
  lines.push('', `   ${'time'.padEnd(10)} ${'mark'.padEnd(4)} ${'user'.padEnd(userW)}  step / callback`);
  for (const ev of result.events) {
    lines.push(
      `   ${formatTime(ev.t).padEnd(10)} ${(ev.mark ?? '').padEnd(4)} ${ev.user.padEnd(userW)}  ${describeEvent(ev)}`.trimEnd(),
    );
  }
  const n = scenario.expect?.length ?? 0;
  lines.push('');
  if (result.failures.length === 0) lines.push(`   ok: ${n} expectation${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''}`);
  else for (const f of result.failures) f.split('\n').forEach((l, k) => lines.push(k === 0 ? `   FAILED ${l}` : `   ${l}`));
  lines.push('');
  return lines.join('\n');
}
