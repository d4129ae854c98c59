// A host with only what PuerTS gives a module: console and Tick-pumped setTimeout/clearTimeout/
// setInterval/clearInterval. Runs core.mjs in quickjs-ng (the engine of PuerTS's QuickJS backend).
// Time is the host's: Date.now() inside the VM reads `now`, and tick(ms) fires what is due.
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
  type SuccessOrFail,
} from 'quickjs-emscripten-core';
import baseVariant from '@jitl/quickjs-ng-wasmfile-release-sync';

// The variant loads its emscripten module with import(), which jest's CommonJS runtime rejects.
const variant: typeof baseVariant = {
  ...baseVariant,
  importModuleLoader: () => Promise.resolve(require('@jitl/quickjs-ng-wasmfile-release-sync/emscripten-module')),
};

export function loadQuickJS(): Promise<QuickJSWASMModule> {
  return newQuickJSWASMModuleFromVariant(variant);
}

interface Timer {
  cb: QuickJSHandle;
  due: number;
  every: number;
  seq: number;
}

export class PuertsLikeHost {
  readonly rt: QuickJSRuntime;
  readonly ctx: QuickJSContext;
  readonly logs: string[] = [];
  now: number;
  private timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;

  constructor(qjs: QuickJSWASMModule, startMs: number) {
    this.now = startMs;
    this.rt = qjs.newRuntime();
    this.rt.setMemoryLimit(64 * 1024 * 1024);
    this.ctx = this.rt.newContext();
    this.installConsole();
    this.installTimers();
    this.installHostTime();
  }

  /** Globals present in the context, to prove the host offers nothing more. */
  typeOf(name: string): string {
    return this.unwrap(this.ctx.evalCode(`typeof globalThis.${name}`)).consume(this.ctx.getString);
  }

  /**
   * Serves `import` of a module by name, resolved against the importer as PuerTS's loader does
   * (sim.mjs's './core.mjs' is 'ZegoRoomBridge/core.mjs'); a module evaluated already is not loaded again.
   */
  serveModules(sources: Record<string, string>): void {
    this.rt.setModuleLoader(
      (name) => (name in sources ? sources[name] : { error: new Error(`no module ${name}`) }),
      (base, requested) =>
        requested.startsWith('./') ? `${base.slice(0, base.lastIndexOf('/') + 1)}${requested.slice(2)}` : requested,
    );
  }

  evalModule(src: string, name: string): QuickJSHandle {
    const h = this.unwrap(this.ctx.evalCode(src, name, { type: 'module' }));
    const st = this.ctx.getPromiseState(h);
    if (st.type === 'fulfilled' && st.notAPromise) return h;
    h.dispose();
    throw new Error('core.mjs must not use top-level await');
  }

  /** Calls an export with string arguments, as C# does through a Func<string, string>. */
  call(ns: QuickJSHandle, name: string, ...args: string[]): string {
    const f = this.ctx.getProp(ns, name);
    const argH = args.map((a) => this.ctx.newString(a));
    try {
      return this.unwrap(this.ctx.callFunction(f, this.ctx.undefined, argH)).consume(this.ctx.getString);
    } finally {
      f.dispose();
      argH.forEach((h) => h.dispose());
      this.drainJobs();
    }
  }

  /** PuerTS's Tick(): fire every timer due up to `untilMs`, in due order, each seeing its own time. */
  tick(untilMs: number): void {
    for (;;) {
      let id = -1;
      let t: Timer | undefined;
      for (const [k, v] of this.timers)
        if (v.due <= untilMs && (!t || v.due < t.due || (v.due === t.due && v.seq < t.seq))) {
          id = k;
          t = v;
        }
      if (!t) break;
      this.now = Math.max(this.now, t.due);
      const cb = t.cb.dup();
      if (t.every) {
        t.due += t.every;
        t.seq = this.seq++;
      } else {
        this.timers.delete(id);
        t.cb.dispose();
      }
      const r = this.ctx.callFunction(cb, this.ctx.undefined);
      cb.dispose();
      if (r.error) this.logs.push(`uncaught:${JSON.stringify(r.error.consume(this.ctx.dump))}`);
      else r.value.dispose();
      this.drainJobs();
    }
    this.now = Math.max(this.now, untilMs);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  dispose(): void {
    for (const t of this.timers.values()) t.cb.dispose();
    this.timers.clear();
    this.ctx.dispose();
    this.rt.dispose();
  }

  private unwrap<T>(r: SuccessOrFail<T, QuickJSHandle>): T {
    try {
      return this.ctx.unwrapResult(r);
    } catch (e) {
      const x = e as Error;
      // A raw QuickJSUnwrapError carries the whole context; jest takes minutes to print it, so no `cause`.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`${x.name}: ${x.message}`);
    }
  }

  private drainJobs(): void {
    this.unwrap(this.rt.executePendingJobs());
  }

  private fn(target: QuickJSHandle, name: string, impl: (...a: QuickJSHandle[]) => QuickJSHandle | void): void {
    this.ctx.newFunction(name, impl).consume((f) => this.ctx.setProp(target, name, f));
  }

  private installConsole(): void {
    const c = this.ctx.newObject();
    for (const lvl of ['log', 'warn', 'error'])
      this.fn(c, lvl, (...a) => {
        this.logs.push(`${lvl}:${a.map((h) => String(this.ctx.dump(h))).join(' ')}`);
      });
    this.ctx.setProp(this.ctx.global, 'console', c);
    c.dispose();
  }

  private installTimers(): void {
    const add = (every: boolean) => (cb: QuickJSHandle, ms?: QuickJSHandle) => {
      const delay = Math.max(0, ms ? this.ctx.getNumber(ms) || 0 : 0);
      const id = this.nextId++;
      // PuerTS's setInterval has a 10 ms floor.
      this.timers.set(id, { cb: cb.dup(), due: this.now + delay, every: every ? Math.max(10, delay) : 0, seq: this.seq++ });
      return this.ctx.newNumber(id);
    };
    const clear = (h?: QuickJSHandle) => {
      const id = h ? this.ctx.getNumber(h) : 0;
      this.timers.get(id)?.cb.dispose();
      this.timers.delete(id);
    };
    this.fn(this.ctx.global, 'setTimeout', add(false));
    this.fn(this.ctx.global, 'setInterval', add(true));
    this.fn(this.ctx.global, 'clearTimeout', clear);
    this.fn(this.ctx.global, 'clearInterval', clear);
  }

  /** Date.now() follows the host's time (PuerTS's timer.mjs compares Date.now() too). */
  private installHostTime(): void {
    this.fn(this.ctx.global, '__hostNow', () => this.ctx.newNumber(this.now));
    this.unwrap(
      this.ctx.evalCode(
        `(() => {
      const RealDate = Date, now = globalThis.__hostNow; delete globalThis.__hostNow;
      class HostDate extends RealDate { constructor(...a) { a.length ? super(...a) : super(now()); } static now() { return now(); } }
      globalThis.Date = HostDate;
    })()`,
        'host-time.js',
        { type: 'global' },
      ),
    ).dispose();
  }
}
