using System;
using System.Collections.Generic;
using System.Threading;

namespace ZegoRoomBridge
{
    /// <summary>
    /// JS may only be entered from the thread that created the engine (PuerTS's rule), so calls made on
    /// other threads wait here and run, in order, at the start of the next Tick. When the engine is
    /// destroyed first, each call that owes its caller an answer hands it on instead of vanishing.
    /// </summary>
    internal sealed class MainThreadQueue
    {
        struct Item
        {
            public Action Run;
            /// <summary>What the caller is owed if Run never happens (its 1000002, a DestroyEngine callback); may be null.</summary>
            public Action Dropped;
        }

        readonly int mainThreadId = Thread.CurrentThread.ManagedThreadId;
        readonly object gate = new object();
        readonly Queue<Item> pending = new Queue<Item>();
        Action<Action> closedSink;

        public bool IsMainThread => Thread.CurrentThread.ManagedThreadId == mainThreadId;

        /// <summary>Queues <paramref name="run"/>; after Close, <paramref name="dropped"/> goes to the close sink at once.</summary>
        public void Post(Action run, Action dropped = null)
        {
            Action<Action> sink;
            lock (gate)
            {
                sink = closedSink;
                if (sink == null)
                {
                    pending.Enqueue(new Item { Run = run, Dropped = dropped });
                    return;
                }
            }
            if (dropped != null) sink(dropped);
        }

        /// <summary>Runs what was queued before this call; each action is guarded so one failure does not drop the rest.</summary>
        public void RunPending(Action<Exception> onError)
        {
            int n;
            lock (gate) n = pending.Count;
            for (; n > 0; n--)
            {
                Item item;
                lock (gate)
                {
                    if (pending.Count == 0) return;   // closed meanwhile: the rest went to the sink
                    item = pending.Dequeue();
                }
                try { item.Run(); }
                catch (Exception e) { onError(e); }
            }
        }

        /// <summary>No more runs: every queued (and later) call's Dropped goes to <paramref name="sink"/>, in order.</summary>
        public void Close(Action<Action> sink)
        {
            var dropped = new List<Action>();
            lock (gate)
            {
                if (closedSink != null) return;
                closedSink = sink ?? throw new ArgumentNullException(nameof(sink));
                while (pending.Count > 0)
                {
                    var item = pending.Dequeue();
                    if (item.Dropped != null) dropped.Add(item.Dropped);
                }
            }
            foreach (var d in dropped) sink(d);
        }

        /// <summary>Forgets everything queued (a new Play session).</summary>
        public void Clear()
        {
            lock (gate) pending.Clear();
        }
    }
}
