// The protocol's JSON Schema (docs/devserver.schema.json) is generated from the tables the server and the
// driver read, and every frame of a real session — both directions — satisfies it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  createDevDriver,
  seededRandom,
  type DevWebSocketClass,
} from '../src/index';
import { DevRoomServer } from '../src/server/index';

const root = join(__dirname, '..');
type Schema = Record<string, unknown> & { definitions?: Record<string, Schema> };
const schema = JSON.parse(readFileSync(join(root, 'docs', 'devserver.schema.json'), 'utf8')) as Schema;

/** The subset of JSON Schema the generated file uses: $ref, oneOf, type, const, required, min/max, maxLength, maxItems, items. */
function problems(value: unknown, node: Schema, path = '$'): string[] {
  if (typeof node.$ref === 'string') return problems(value, schema.definitions![(node.$ref as string).split('/').pop()!], path);
  if (Array.isArray(node.oneOf)) {
    const passing = (node.oneOf as Schema[]).filter((s) => problems(value, s, path).length === 0).length;
    return passing === 1 ? [] : [`${path}: matches ${passing} of the message types`];
  }
  if ('const' in node && value !== node.const) return [`${path}: not ${JSON.stringify(node.const)}`];
  const out: string[] = [];
  switch (node.type) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
      const record = value as Record<string, unknown>;
      for (const name of (node.required as string[]) ?? []) if (!(name in record)) out.push(`${path}.${name}: missing`);
      for (const [name, sub] of Object.entries((node.properties as Record<string, Schema>) ?? {}))
        if (name in record) out.push(...problems(record[name], sub, `${path}.${name}`));
      return out;
    }
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      return typeof node.maxLength === 'number' && value.length > node.maxLength ? [`${path}: too long`] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: not an integer`];
      if (typeof node.minimum === 'number' && value < node.minimum) out.push(`${path}: below minimum`);
      if (typeof node.maximum === 'number' && value > node.maximum) out.push(`${path}: above maximum`);
      return out;
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      if (typeof node.maxItems === 'number' && value.length > node.maxItems) out.push(`${path}: too many items`);
      value.forEach((item, i) => out.push(...problems(item, node.items as Schema, `${path}[${i}]`)));
      return out;
    default:
      return out;
  }
}

test('docs/devserver.schema.json is what `npm run gen:schema` writes from src/dev/protocol.ts (built)', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'gen-schema.mjs'), '--check'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect([run.status, run.stderr]).toEqual([0, '']);
});

test('the validator in this test rejects what the schema forbids', () => {
  const client = schema.definitions!.client;
  expect(problems({ t: 'login', room: 'r' }, client)).not.toEqual([]);
  expect(problems({ t: 'hb' }, client)).toEqual([]);
  expect(problems({ t: 'nope' }, client)).not.toEqual([]);
  expect(problems({ t: 'logout', room: 'x'.repeat(129) }, client)).not.toEqual([]);
});

test('every frame of a real session, both ways, satisfies the schema', async () => {
  const server = new DevRoomServer({ port: 0, heartbeatTimeoutMs: 2000 });
  const { url } = await server.start();
  const sent: string[] = [];
  const received: string[] = [];
  class Recording extends WebSocket {
    constructor(address: string) {
      super(address);
      this.addEventListener('message', (e) => received.push(String(e.data)));
    }
    send(data: string): void {
      sent.push(data);
      super.send(data);
    }
  }
  const engines = ['alice', 'bob'].map((userID) => {
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: createDevDriver({
        url,
        WebSocket: Recording as unknown as DevWebSocketClass,
        heartbeatIntervalMs: 100,
        clientId: userID,
      }),
      random: seededRandom(3),
    });
    const states: R[] = [];
    engine.setEventHandler({ onRoomStateChanged: (_room, reason) => states.push(reason) });
    engine.loginRoom('schema', { userID }, { isUserStatusNotify: true, token: 'dev' });
    return { engine, states, userID };
  });
  try {
    const deadline = Date.now() + 10_000;
    const until = async (done: () => boolean) => {
      while (!done()) {
        if (Date.now() > deadline) throw new Error('session did not progress in 10 s');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until(() => engines.every((e) => e.states.includes(R.Logined)));
    engines[0].engine.renewToken('schema', 'dev-2');
    await until(() => received.some((f) => f.includes('"renewResult"')));
    server.cut('alice');
    await until(() => engines[0].states.includes(R.Reconnected));
    engines[1].engine.logoutRoom('schema');
    await until(() => received.some((f) => f.includes('"update":1')));
    await until(() => sent.filter((f) => f === '{"t":"hb"}').length >= 2);
  } finally {
    for (const e of engines) e.engine.destroy();
    await server.close();
  }
  const types = new Set([...sent, ...received].map((f) => JSON.parse(f).t));
  expect([...types].sort()).toEqual(
    ['hb', 'hello', 'login', 'loginResult', 'logout', 'renew', 'renewResult', 'userUpdate', 'welcome'].sort(),
  );
  for (const frame of sent) expect([frame, problems(JSON.parse(frame), schema.definitions!.client)]).toEqual([frame, []]);
  for (const frame of received) expect([frame, problems(JSON.parse(frame), schema.definitions!.server)]).toEqual([frame, []]);
});
