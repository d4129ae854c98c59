// Writes docs/devserver.schema.json, the JSON Schema of every message of the local room server's protocol,
// from the tables the server and the dev driver read (src/dev/protocol.ts, through dist/index.mjs).
// `--check` exits 1 when the file on disk differs (test/devServerSchema.test.ts runs the same comparison).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = join(root, 'docs', 'devserver.schema.json');

function fieldSchema(spec) {
  const base = { description: spec.description };
  switch (spec.kind) {
    case 'string':
      return { type: 'string', ...(spec.max !== undefined ? { maxLength: spec.max } : {}), ...base };
    case 'boolean':
      return { type: 'boolean', ...base };
    case 'integer':
      return {
        type: 'integer',
        ...(spec.min !== undefined ? { minimum: spec.min } : {}),
        ...(spec.maxValue !== undefined ? { maximum: spec.maxValue } : {}),
        ...base,
      };
    case 'users':
      return {
        type: 'array',
        ...(spec.max !== undefined ? { maxItems: spec.max } : {}),
        items: {
          type: 'object',
          required: ['userID', 'userName'],
          properties: { userID: { type: 'string' }, userName: { type: 'string' } },
        },
        ...base,
      };
    default:
      throw new Error(`unknown field kind ${spec.kind}`);
  }
}

function messageSchema(type, spec) {
  const required = ['t', ...Object.keys(spec).filter((name) => !spec[name].optional)];
  const properties = { t: { const: type } };
  for (const [name, field] of Object.entries(spec)) properties[name] = fieldSchema(field);
  return { type: 'object', required, properties };
}

export function buildSchema(api) {
  const definitions = {};
  const side = (prefix, table) =>
    Object.entries(table).map(([type, spec]) => {
      const name = `${prefix}.${type}`;
      definitions[name] = messageSchema(type, spec);
      return { $ref: `#/definitions/${name}` };
    });
  const client = side('client', api.CLIENT_MESSAGES);
  const server = side('server', api.SERVER_MESSAGES);
  definitions.client = { oneOf: client };
  definitions.server = { oneOf: server };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/zego-room-bridge/zego-room-bridge/docs/devserver.schema.json',
    title: `zego-room-bridge local room server protocol, version ${api.DEV_PROTOCOL_VERSION}`,
    description:
      'One JSON object per WebSocket text frame; `t` names its type. Generated from src/dev/protocol.ts by `npm run gen:schema`; see docs/DEVSERVER.md.',
    oneOf: [{ $ref: '#/definitions/client' }, { $ref: '#/definitions/server' }],
    definitions,
  };
}

export async function schemaText() {
  const api = await import(pathToFileURL(join(root, 'dist', 'index.mjs')).href);
  return `${JSON.stringify(buildSchema(api), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing: differs
    }
    if (current !== text) {
      process.stderr.write('docs/devserver.schema.json is stale: run npm run gen:schema\n');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write('wrote docs/devserver.schema.json\n');
  }
}
