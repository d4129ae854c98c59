using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ZegoRoomBridge
{
    /// <summary>
    /// JS may only be entered from the thread that created the engine (PuerTS's rule), so calls made on
    /// other threads wait here and run, in order, at the start of the next Tick.
    /// </summary>
    internal sealed class MainThreadQueue
    {
        readonly int mainThreadId = Thread.CurrentThread.ManagedThreadId;
        readonly ConcurrentQueue<Action> pending = new ConcurrentQueue<Action>();

        public bool IsMainThread => Thread.CurrentThread.ManagedThreadId == mainThreadId;

        public void Post(Action action) => pending.Enqueue(action);

        /// <summary>Runs what was queued before this call; each action is guarded so one failure does not drop the rest.</summary>
        public void RunPending(Action<Exception> onError)
        {
            for (int n = pending.Count; n > 0 && pending.TryDequeue(out var action); n--)
            {
                try { action(); }
                catch (Exception e) { onError(e); }
            }
        }

        public void Clear()
        {
            while (pending.TryDequeue(out _)) { }
        }
    }
}
