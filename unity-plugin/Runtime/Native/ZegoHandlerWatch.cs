// Keeps one of the bridge's handlers on one of ZEGO's public delegate fields. ZEGO's Unity SDK declares
// its callbacks as plain public fields (not events), and its own example scripts bind with '='
// (`engine.onRoomStateChanged = OnRoomStateChanged;`), which drops every handler added before. The
// adapter checks once per frame; this is its per-field state.
using System;
using Z = ZEGO;

namespace ZegoRoomBridge.Native
{
    internal sealed class ZegoHandlerWatch<T> where T : Delegate
    {
        readonly string field;
        readonly Func<Z.ZegoExpressEngine, T> read;
        readonly Action<Z.ZegoExpressEngine, T> write;
        readonly T handler;
        /// <summary>The field's value when last checked: delegates are immutable, so the same reference means no change.</summary>
        T seen;
        bool warned;

        public ZegoHandlerWatch(string field, T handler, Func<Z.ZegoExpressEngine, T> read, Action<Z.ZegoExpressEngine, T> write)
        {
            this.field = field;
            this.handler = handler;
            this.read = read;
            this.write = write;
        }

        public void Attach(Z.ZegoExpressEngine engine)
        {
            write(engine, (T)Delegate.Combine(read(engine), handler));
            seen = read(engine);
        }

        public void Detach(Z.ZegoExpressEngine engine) => write(engine, (T)Delegate.Remove(read(engine), handler));

        /// <summary>
        /// Puts the handler back when the field lost it; true when it did. Allocation-free unless the field
        /// changed since the last check (then one invocation-list copy, and the re-attach itself).
        /// </summary>
        public bool Check(Z.ZegoExpressEngine engine)
        {
            var current = read(engine);
            if (ReferenceEquals(current, seen)) return false;
            if (Holds(current))
            {
                seen = current;  // the app added or removed a handler of its own with += / -=: fine
                return false;
            }
            if (!warned)
            {
                warned = true;
                BridgeLog.Warn("ZEGO's " + field + " was assigned with '=' (or cleared), which removed the bridge's handler; " +
                    "re-attached. Add your own handlers to ZEGO's engine with '+=', or use this package's " + field + ".");
            }
            Attach(engine);
            return true;
        }

        bool Holds(T current)
        {
            if (current == null) return false;
            if (current.Equals(handler)) return true;
            foreach (var one in current.GetInvocationList())
                if (one.Equals(handler)) return true;
            return false;
        }
    }
}
