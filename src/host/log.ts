// Logging seam: one prefix, four levels, a context (engine, room, attempt), errors with their stack.
// Lines go to an injected sink (the app's logger, or the host's console: PuerTS routes it to Unity's log).
// Tokens never reach a line: the engine registers every token it is given, and each line is scrubbed of
// those and of anything shaped like a ZEGO Token04 before it is written.

/** The sink an app or host injects. `info` and `debug` are optional: a sink without them does not get those lines. */
export interface Logger {
  warn(message: string): void;
  error(message: string): void;
  info?(message: string): void;
  /** Routine facts worth a trace (a stale driver event dropped, a transition); optional, silent by default. */
  debug?(message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What a line is about, when known. */
export interface LogContext {
  engine?: string;
  room?: string;
  attempt?: number | string;
}

/** Written before every line, here and nowhere else. */
export const LOG_PREFIX = 'zego-room-bridge';

/** What a token is replaced with in log lines and trace records. */
export const REDACTED = '(token)';

/** Token04 is "04" and base64 of a payload far longer than this; nothing else the bridge logs looks like it. */
const TOKEN04_SHAPE = /04[A-Za-z0-9+/]{32,}={0,2}/g;
/** The last tokens an engine was given; older ones are long expired. Bounded so a renewing app does not grow it. */
const MAX_SECRETS = 16;
/** Shorter strings are no real token, and scrubbing them would mangle ordinary words ("tok" in "token"). */
const MIN_SECRET_LENGTH = 8;

/** The tokens to scrub, shared by an engine's loggers and its tracer. */
export class Secrets {
  private readonly known: string[] = [];

  add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH || this.known.includes(secret)) return;
    this.known.push(secret);
    if (this.known.length > MAX_SECRETS) this.known.shift();
  }

  scrub(text: string): string {
    let out = text;
    for (const s of this.known) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out.replace(TOKEN04_SHAPE, REDACTED);
  }
}

/** `e.stack` when there is one (it starts with the message in V8, QuickJS and browsers), else the message or String(e). */
export function describeError(e: unknown): string {
  try {
    if (e instanceof Error) {
      const head = `${e.name}: ${e.message}`;
      const stack = typeof e.stack === 'string' ? e.stack : '';
      if (!stack) return head;
      return stack.includes(e.message) ? stack : `${head}\n${stack}`;
    }
    return String(e);
  } catch {
    return `an unprintable ${typeof e}`;
  }
}

/** `room "r" ` etc., quoted only when a value could be misread (spaces, brackets). */
function formatContext(context: LogContext): string {
  const parts: string[] = [];
  const value = (v: string | number) => (typeof v === 'string' && !/^[\w.:@#+-]+$/.test(v) ? JSON.stringify(v) : String(v));
  if (context.engine !== undefined) parts.push(`engine=${value(context.engine)}`);
  if (context.room !== undefined) parts.push(`room=${value(context.room)}`);
  if (context.attempt !== undefined) parts.push(`attempt=${value(context.attempt)}`);
  return parts.length ? ` [${parts.join(' ')}]` : '';
}

/**
 * The core's logger over a sink. `warn`/`error` take the error that caused the line, if any: its stack is kept.
 * A sink that throws is ignored (a broken console must not break the engine).
 */
export class Log implements Logger {
  constructor(
    private readonly sink: Logger,
    private readonly context: LogContext = {},
    readonly secrets: Secrets = new Secrets(),
  ) {}

  /** The same sink and secrets, with more context. */
  with(context: LogContext): Log {
    return new Log(this.sink, { ...this.context, ...context }, this.secrets);
  }

  /** Whether debug lines go anywhere: callers skip building them otherwise. */
  get debugEnabled(): boolean {
    return typeof this.sink.debug === 'function';
  }

  debug(message: string, context?: LogContext): void {
    this.write('debug', message, undefined, context);
  }
  info(message: string, context?: LogContext): void {
    this.write('info', message, undefined, context);
  }
  warn(message: string, cause?: unknown, context?: LogContext): void {
    this.write('warn', message, cause, context);
  }
  error(message: string, cause?: unknown, context?: LogContext): void {
    this.write('error', message, cause, context);
  }

  private write(level: LogLevel, message: string, cause: unknown, context: LogContext | undefined): void {
    const write = this.sink[level];
    if (typeof write !== 'function') return;
    const where = formatContext(context ? { ...this.context, ...context } : this.context);
    const why = cause === undefined ? '' : `: ${describeError(cause)}`;
    const line = this.secrets.scrub(`${LOG_PREFIX}${where}: ${message}${why}`);
    try {
      write.call(this.sink, line);
    } catch {
      /* a broken sink must not break the engine */
    }
  }
}

/** The host's console (PuerTS: Unity's log, by level). Lines below `minLevel` are dropped; the default keeps warn and error. */
export function consoleLogger(minLevel: LogLevel = 'warn'): Logger {
  type Console = Partial<Record<LogLevel | 'log', (m: string) => void>>;
  const c = (globalThis as { console?: Console }).console;
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const out = (level: LogLevel) => (m: string) => {
    const f = c && (c[level] || c.log);
    if (f) {
      try {
        f.call(c, m);
      } catch {
        /* a broken console must not break the engine */
      }
    }
  };
  const keeps = (level: LogLevel) => order.indexOf(level) >= order.indexOf(minLevel);
  const logger: Logger = { warn: keeps('warn') ? out('warn') : () => undefined, error: out('error') };
  if (keeps('info')) logger.info = out('info');
  if (keeps('debug')) logger.debug = out('debug');
  return logger;
}

/** `logger` as the core's Log (unchanged when it already is one). */
export function toLog(logger: Logger | undefined, context?: LogContext): Log {
  if (logger instanceof Log) return context ? logger.with(context) : logger;
  return new Log(logger ?? consoleLogger(), context);
}
