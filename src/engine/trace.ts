// The transition trace: one plain JSON-able record per app call, driver report, state transition and
// event raised to the app, stamped with the engine's clock. `zego-room-bridge draw` turns a list of them
// into the demo's timeline picture (docs/TRACE.md). Tokens are replaced before a record leaves.
import { REDACTED, type Log, type Secrets } from '../host/log.js';

/** What the trace records. */
export type TraceKind = 'call' | 'driver' | 'transition' | 'event';

export interface TraceRecord {
  /** The engine's clock (ms of Unix time, virtual or real). */
  t: number;
  /** The engine's id (ZegoEngineOptions.id; the bridge's engine id). */
  engine: string;
  kind: TraceKind;
  /** The room, when the record is about one. */
  room?: string;
  /** call: the engine method; driver: the RoomDriverEvents callback; event: the IZegoEventHandler method, or `loginRoomCallback`/`logoutRoomCallback`. */
  name?: string;
  /** call, driver, event: the arguments, as JSON values (tokens replaced by "(token)"). */
  args?: unknown[];
  /** transition: the phase before and after, the input that moved it, and the code the row carries. */
  from?: string;
  to?: string;
  input?: string;
  code?: number;
}

/** Receives every record; it may keep them (they are not reused). */
export type TraceFunction = (record: TraceRecord) => void;

const MAX_DEPTH = 4;
const MAX_ITEMS = 64;

/** A JSON value for any argument an app might pass (bad input included): bounded, no cycles, no functions. */
export function plain(value: unknown, secrets: Secrets, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
      return secrets.scrub(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'bigint':
      return `${String(value)}n`;
    case 'function':
      return '(function)';
    case 'symbol':
      return '(symbol)';
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return '(…)';
  try {
    if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => plain(v, secrets, depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).slice(0, MAX_ITEMS)) {
      out[key] = key === 'token' ? REDACTED : plain((value as Record<string, unknown>)[key], secrets, depth + 1);
    }
    return out;
  } catch {
    return '(unreadable)';
  }
}

/** Builds and hands out records; does nothing without a trace function. A throwing one is logged once and kept. */
export class Tracer {
  private reported = false;

  constructor(
    private readonly engine: string,
    private readonly now: () => number,
    private readonly log: Log,
    private readonly fn: TraceFunction | undefined,
  ) {}

  get on(): boolean {
    return this.fn !== undefined;
  }

  call(name: string, room: unknown, args: unknown[]): void {
    if (this.fn)
      this.emit({ kind: 'call', name, ...roomField(room, this.log.secrets), args: args.map((a) => plain(a, this.log.secrets)) });
  }

  driver(name: string, room: unknown, args: unknown[]): void {
    if (this.fn)
      this.emit({
        kind: 'driver',
        name,
        ...roomField(room, this.log.secrets),
        args: args.map((a) => plain(a, this.log.secrets)),
      });
  }

  event(name: string, room: string | undefined, args: unknown[]): void {
    if (this.fn)
      this.emit({ kind: 'event', name, ...roomField(room, this.log.secrets), args: args.map((a) => plain(a, this.log.secrets)) });
  }

  transition(room: string, from: string, input: string, to: string, code: number): void {
    if (this.fn) this.emit({ kind: 'transition', room: this.log.secrets.scrub(room), from, to, input, code });
  }

  private emit(fields: Omit<TraceRecord, 't' | 'engine'>): void {
    const record: TraceRecord = { t: this.now(), engine: this.engine, ...fields };
    try {
      this.fn!(record);
    } catch (e) {
      if (this.reported) return;
      this.reported = true;
      this.log.error('the trace function threw (reported once; the engine goes on)', e);
    }
  }
}

function roomField(room: unknown, secrets: Secrets): { room?: string } {
  return typeof room === 'string' ? { room: secrets.scrub(room) } : {};
}
