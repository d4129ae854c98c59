// `npm run gen:cs`: writes the C# enums, error codes and (when dist/webgl.mjs exports it) the WebGL
// reason/code table from the built TypeScript, so C# never restates a number by hand.
// `node scripts/gen-cs.mjs --stdout` prints instead of writing (the drift test uses it).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(root, 'unity-plugin', 'Runtime', 'Generated', 'ZegoDefines.g.cs');

const ENUMS = [
  ['ZegoRoomStateChangedReason', 'Why the room connection state changed (OnRoomStateChanged).'],
  ['ZegoRoomState', 'The legacy three-value room state (OnRoomStateUpdate).'],
  ['ZegoUpdateType', 'User added to / removed from a room (OnRoomUserUpdate).'],
  ['ZegoRoomMode', 'Single room (default) or multi-room; set with ZegoExpressEngine.SetRoomMode before CreateEngine.'],
];

/** The numeric members of a TS enum object, in value order (TS enums map both ways). */
function enumMembers(obj, name) {
  if (!obj || typeof obj !== 'object') throw new Error(`gen-cs: the core does not export enum ${name}`);
  return Object.entries(obj)
    .filter(([, v]) => typeof v === 'number')
    .sort((a, b) => a[1] - b[1]);
}

function emitEnum(name, doc, obj) {
  const lines = enumMembers(obj, name).map(([k, v]) => `        ${k} = ${v},`);
  return [`    /// <summary>${doc}</summary>`, `    public enum ${name}`, '    {', ...lines, '    }', ''];
}

function emitErrorCodes(codes, cancelled) {
  const lines = enumMembers(codes, 'ZegoErrorCode').map(([k, v]) => `        public const int ${k} = ${v};`);
  return [
    '    /// <summary>ZEGO room error codes (native names, spelling kept). Constants, so `errorCode == ZegoErrorCode.RoomKickedOut` needs no cast.</summary>',
    '    public static class ZegoErrorCode',
    '    {',
    ...lines,
    '    }',
    '',
    "    /// <summary>Numbers that are this bridge's own, not ZEGO's.</summary>",
    '    public static class ZegoRoomBridgeDefines',
    '    {',
    '        /// <summary>A LogoutRoom/SwitchRoom that cancels a login still in progress completes that login\'s callback with this code (ZEGO Web\'s "cancel login").</summary>',
    `        public const int LOGIN_CANCELLED_ERROR_CODE = ${cancelled};`,
    '    }',
    '',
  ];
}

const pascal = (s) => s.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase()).replace(/^([a-z])/, (c) => c.toUpperCase());
// Which code table a raw Web roomStateChanged reason's code is read in (the driver's contexts).
const CONTEXT_OF_REASON = {
  LOGIN_FAILED: 'login',
  RECONNECT_FAILED: 'reconnect',
  KICKOUT: 'kickout',
  RECONNECTING: 'reconnecting',
};

/**
 * The WebGL table (src/webgl/mapping.ts WEBGL_ROOM_MAPPING, from dist/webgl.mjs) as ZegoWebGLMapping.
 * Shape read: reason / state / updateType (Web string → native number), code (context → Web code →
 * native code; unlisted codes pass through), and top-level numbers/strings as constants. An export of
 * another shape stops the generator with a message naming the field.
 */
export function emitWebGLMapping(table) {
  const need = (cond, what) => {
    if (!cond) throw new Error(`gen-cs: WEBGL_ROOM_MAPPING.${what}`);
  };
  need(table && typeof table === 'object', ' must be an object');
  const strToInt = (key) => {
    const obj = table[key];
    need(obj && typeof obj === 'object', `${key} must map Web strings to numbers`);
    return Object.entries(obj).map(([k, v]) => {
      need(Number.isInteger(v), `${key}.${k} must be an integer`);
      return [k, v];
    });
  };
  need(table.code && typeof table.code === 'object', 'code must map contexts to {webCode: nativeCode}');
  const contexts = Object.entries(table.code).map(([ctx, rows]) => {
    need(rows && typeof rows === 'object', `code.${ctx} must map Web codes to native codes`);
    return [
      ctx,
      Object.entries(rows).map(([web, native]) => {
        need(/^\d+$/.test(web) && Number.isInteger(native), `code.${ctx}.${web} must map an integer code to an integer`);
        return [Number(web), native];
      }),
    ];
  });
  const q = (s) => JSON.stringify(String(s));
  const dict = (entries, type) => [
    `        static readonly System.Collections.Generic.Dictionary<string, ${type}> ${type}s = new System.Collections.Generic.Dictionary<string, ${type}>`,
    '        {',
    ...entries.map(([k, v]) => `            { ${q(k)}, (${type})${v} },`),
    '        };',
    '',
  ];
  const constants = Object.entries(table).flatMap(([k, v]) => {
    if (Number.isInteger(v)) return [`        public const int ${pascal(k)} = ${v};`];
    if (typeof v === 'string') return [`        public const string ${pascal(k)} = ${q(v)};`];
    return [];
  });
  const reasonContext = Object.entries(CONTEXT_OF_REASON).filter(([, ctx]) => contexts.some(([c]) => c === ctx));
  return [
    '    /// <summary>Where a Web code was seen: the same number means different things in different places.</summary>',
    '    public enum ZegoWebGLCodeContext',
    '    {',
    ...contexts.map(([ctx]) => `        ${pascal(ctx)},`),
    '    }',
    '',
    '    /// <summary>',
    '    /// The Web SDK → native table the core applies on WebGL (src/webgl/mapping.ts), for apps that receive raw',
    '    /// Web SDK reasons themselves. Never apply it to ZegoExpressEngine events: those are already native.',
    '    /// </summary>',
    '    public static class ZegoWebGLMapping',
    '    {',
    ...constants,
    '',
    ...dict(strToInt('reason'), 'ZegoRoomStateChangedReason'),
    ...dict(strToInt('state'), 'ZegoRoomState'),
    ...dict(strToInt('updateType'), 'ZegoUpdateType'),
    '        static readonly System.Collections.Generic.Dictionary<int, int>[] Codes =',
    '        {',
    ...contexts.map(
      ([, rows]) =>
        `            new System.Collections.Generic.Dictionary<int, int> { ${rows.map(([w, n]) => `{ ${w}, ${n} }`).join(', ')} },`,
    ),
    '        };',
    '',
    '        /// <summary>A Web roomStateChanged reason string ("RECONNECTING") as the native reason; false when unknown.</summary>',
    '        public static bool ToNativeReason(string webReason, out ZegoRoomStateChangedReason reason)',
    '        {',
    '            if (webReason != null && ZegoRoomStateChangedReasons.TryGetValue(webReason, out reason)) return true;',
    '            reason = default(ZegoRoomStateChangedReason);',
    '            return false;',
    '        }',
    '',
    '        /// <summary>A Web roomStateUpdate state string ("CONNECTED") as the native state; false when unknown.</summary>',
    '        public static bool ToNativeState(string webState, out ZegoRoomState state)',
    '        {',
    '            if (webState != null && ZegoRoomStates.TryGetValue(webState, out state)) return true;',
    '            state = default(ZegoRoomState);',
    '            return false;',
    '        }',
    '',
    '        /// <summary>"ADD"/"DELETE" as ZegoUpdateType; false when unknown.</summary>',
    '        public static bool ToNativeUpdateType(string webUpdateType, out ZegoUpdateType updateType)',
    '        {',
    '            if (webUpdateType != null && ZegoUpdateTypes.TryGetValue(webUpdateType, out updateType)) return true;',
    '            updateType = default(ZegoUpdateType);',
    '            return false;',
    '        }',
    '',
    '        /// <summary>The native code for a Web code seen in context; codes the table does not list pass through.</summary>',
    '        public static int ToNativeCode(ZegoWebGLCodeContext context, int webCode)',
    '        {',
    '            var i = (int)context;',
    '            return i >= 0 && i < Codes.Length && Codes[i].TryGetValue(webCode, out var native) ? native : webCode;',
    '        }',
    '',
    "        /// <summary>A raw Web roomStateChanged (reason string, code) as native; the code is read in its reason's context.</summary>",
    '        public static bool ToNative(string webReason, int webCode, out ZegoRoomStateChangedReason reason, out int errorCode)',
    '        {',
    '            errorCode = webCode;',
    '            if (!ToNativeReason(webReason, out reason)) return false;',
    '            switch (webReason)',
    '            {',
    ...reasonContext.map(
      ([r, ctx]) =>
        `                case ${q(r)}: errorCode = ToNativeCode(ZegoWebGLCodeContext.${pascal(ctx)}, webCode); break;`,
    ),
    '            }',
    '            return true;',
    '        }',
    '    }',
    '',
  ];
}

/** The whole file, from the module namespaces of dist/index.mjs and core.mjs. */
export function generate(index, core, webgl = {}) {
  const mapping = webgl.WEBGL_ROOM_MAPPING ?? index.WEBGL_ROOM_MAPPING ?? core.WEBGL_ROOM_MAPPING;
  const protocol = core.BRIDGE_PROTOCOL_VERSION;
  if (!Number.isInteger(protocol)) throw new Error('gen-cs: core.mjs does not export BRIDGE_PROTOCOL_VERSION');
  const out = [
    '// <auto-generated>',
    '// Generated by `npm run gen:cs` (scripts/gen-cs.mjs) from the TypeScript core. Do not edit:',
    '// change src/model/*.ts and regenerate; test/genCs.test.ts fails when this file is stale.',
    '// </auto-generated>',
    'namespace ZegoRoomBridge',
    '{',
    ...ENUMS.flatMap(([name, doc]) => emitEnum(name, doc, index[name])),
    ...emitErrorCodes(index.ZegoErrorCode, index.LOGIN_CANCELLED_ERROR_CODE),
    '    /// <summary>The C#↔JS protocol this C# was generated against (docs/BOUNDARY.md); checked when the engine starts.</summary>',
    '    internal static class BridgeProtocol',
    '    {',
    `        public const int Version = ${protocol};`,
    '    }',
    '',
    ...(mapping === undefined
      ? [
          '    // ZegoWebGLMapping: emitted here once dist/webgl.mjs exports WEBGL_ROOM_MAPPING (see emitWebGLMapping in scripts/gen-cs.mjs).',
          '',
        ]
      : emitWebGLMapping(mapping)),
  ];
  while (out[out.length - 1] === '') out.pop();
  out.push('}', '');
  return out.join('\n');
}

async function main() {
  const index = await import(pathToFileURL(join(root, 'dist', 'index.mjs')).href);
  const core = await import(pathToFileURL(join(root, 'unity-plugin', 'Runtime', 'Resources', 'ZegoRoomBridge', 'core.mjs')).href);
  // The WebGL driver bundle is optional: without it the file gets no ZegoWebGLMapping.
  const webglPath = join(root, 'dist', 'webgl.mjs');
  const webgl = existsSync(webglPath) ? await import(pathToFileURL(webglPath).href) : {};
  const text = generate(index, core, webgl);
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`gen-cs: wrote ${OUTPUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
