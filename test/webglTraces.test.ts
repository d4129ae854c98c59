// Every trace under test/fixtures/webgl/ replayed through ZegoExpressEngine + ZegoWebDriver over the
// fake Web engine: the app must see exactly the trace's native-model callbacks, and the Web SDK
// exactly the trace's calls (tokens recorded only as "token"/"no-token").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTrace, type Trace } from './webgl/traceRunner';

const dir = join(__dirname, 'fixtures/webgl');
const traces: Trace[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Trace);

describe('webgl traces', () => {
  test.each(traces.map((t) => [t.name, t] as const))('%s', async (_name, trace) => {
    const { app, web } = await runTrace(trace);
    expect(app).toEqual(trace.expect.app);
    if (trace.expect.web) expect(web).toEqual(trace.expect.web);
    if (trace.expect.webLast) expect(web[web.length - 1]).toEqual(trace.expect.webLast);
  });

  test('together the traces cover every native reason the app can see on WebGL', () => {
    const seen = new Set(traces.flatMap((t) => t.expect.app.filter((e) => e[1] === 'state').map((e) => e[3])));
    expect([...seen].sort()).toEqual(
      [
        'KickOut',
        'Logined',
        'Logining',
        'LoginFailed',
        'Logout',
        'LogoutFailed',
        'Reconnected',
        'ReconnectFailed',
        'Reconnecting',
      ].sort(),
    );
  });
});
