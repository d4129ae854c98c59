// globalThis.WebSocket for the V8 harness, shaped like the one PuerTS gives a native env (its
// websocketpp.mjs over the WSPP addon), on System.Net.WebSockets.ClientWebSocket:
// - `new WebSocket(url, protocols)` throws when protocols are given;
// - only addEventListener listeners run (`ws.onopen = …` is never called);
// - events: 'open', 'message' {data, origin}, 'close' {code, reason}, 'error' {data};
// - the socket's thread only queues; events reach JS on the harness's Tick (PuerTS polls on a timer
//   that needs Tick), at most one event per socket per Tick (PuerTS's poll dispatches one);
// - `send` on a socket that is not open dispatches 'error' at once instead of throwing;
// - a lost connection is 'error' then 'close' 1006;
// - after the app's own close() no 'close' event comes (PuerTS stops polling a closing socket).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge.Tests
{
    public sealed class HostWebSockets : IDisposable
    {
        const string Shim = @"
(() => {
  const host = __hostWebSockets;
  const names = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
  const live = new Set();

  class HostEventTarget {
    constructor() { this.listeners = {}; }
    addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
    removeEventListener(type, listener) {
      const list = this.listeners[type];
      const at = list ? list.indexOf(listener) : -1;
      if (at >= 0) list.splice(at, 1);
    }
    dispatchEvent(event) {
      const list = this.listeners[event.type];
      if (!list) return true;
      for (const listener of list.slice()) listener.call(this, event);
      return !event.defaultPrevented;
    }
  }

  class WebSocket extends HostEventTarget {
    constructor(url, protocols) {
      super();
      if (protocols) throw new Error('do not support protocols argument');
      this._url = url;
      this._raw = host.open(String(url));
      this._readyState = 0;
      this._pending = [];
      live.add(this);
    }
    get url() { return this._url; }
    get readyState() { return this._readyState; }
    send(data) {
      if (this._readyState !== 1) {
        this.dispatchEvent({ type: 'error', data: 'WebSocket is not open: readyState ' + this._readyState + ' (' + names[this._readyState] + ')' });
        return;
      }
      this._raw.send(String(data));
    }
    close(code, reason) {
      try { this._raw.close(code === undefined ? 1000 : code, reason === undefined ? '' : String(reason)); }
      catch (e) { this.dispatchEvent({ type: 'error', data: e.message }); }
      this._readyState = 2;
    }
    /** One poll: take what the socket's thread queued (only while idle and not closing), dispatch one event. */
    _poll() {
      if (this._pending.length === 0 && this._readyState !== 2) this._take();
      const event = this._pending.shift();
      if (event) this.dispatchEvent(event);
      if ((this._pending.length === 0 && this._readyState === 2) || (event && event.type === 'close')) {
        this._readyState = 3;
        this._pending = [];
        this._raw = undefined;
        live.delete(this);
      }
    }
    _take() {
      for (const raw of JSON.parse(this._raw.take())) {
        if (raw.type === 'open') {
          this._readyState = 1;
          this._pending.push({ type: 'open' });
        } else if (raw.type === 'message') {
          this._pending.push({ type: 'message', data: raw.data, origin: this._url });
        } else if (raw.type === 'close') {
          this._readyState = 2;
          this._pending.push({ type: 'close', code: raw.code, reason: raw.reason });
        } else {
          this._pending.push({ type: 'error', data: raw.data });
          this._readyState = 2;
          this._pending.push({ type: 'close', code: 1006, reason: raw.data });
        }
      }
    }
  }
  for (let i = 0; i < names.length; i++) {
    Object.defineProperty(WebSocket, names[i], { enumerable: true, value: i });
    Object.defineProperty(WebSocket.prototype, names[i], { enumerable: true, value: i });
  }

  globalThis.WebSocket = WebSocket;
  // A listener that throws stops the sockets after it until the next Tick, as a throwing PuerTS timer does.
  return () => { for (const socket of Array.from(live)) socket._poll(); };
})()";

        readonly ScriptObject pollAll;
        readonly List<Connection> connections = new List<Connection>();

        HostWebSockets(V8ScriptEngine engine)
        {
            engine.AddHostObject("__hostWebSockets", this);
            pollAll = (ScriptObject)engine.Evaluate(Shim);
        }

        /// <summary>Makes globalThis.WebSocket in <paramref name="engine"/>; call <see cref="Poll"/> from the engine's Tick.</summary>
        public static HostWebSockets Install(V8ScriptEngine engine) => new HostWebSockets(engine);

        /// <summary>The Tick's turn: each open socket takes what its thread queued and dispatches one event. Main thread only.</summary>
        public void Poll() => pollAll.Invoke(false);

        /// <summary>Events the sockets' threads queued that JS has not taken yet (any thread): what the next Ticks deliver.</summary>
        public int Queued
        {
            get
            {
                lock (connections)
                {
                    var n = 0;
                    foreach (var c in connections) n += c.QueuedCount;
                    return n;
                }
            }
        }

        /// <summary>JS: a new connection to <paramref name="url"/>; it connects on a background task.</summary>
        public Connection open(string url)
        {
            var connection = new Connection(url);
            lock (connections) connections.Add(connection);
            return connection;
        }

        public void Dispose()
        {
            lock (connections)
            {
                foreach (var c in connections) c.Abort();
                connections.Clear();
            }
        }

        /// <summary>One socket: a background receive loop queues raw events; JS takes them on Tick.</summary>
        public sealed class Connection
        {
            readonly ClientWebSocket socket = new ClientWebSocket();
            readonly CancellationTokenSource stop = new CancellationTokenSource();
            readonly ConcurrentQueue<JObject> raw = new ConcurrentQueue<JObject>();
            readonly object sendLock = new object();
            Task sending;
            volatile bool closedByApp;
            int failed;

            internal Connection(string url)
            {
                // Sends wait for the connection; none is made before 'open' (JS refuses them until then).
                sending = Task.Run(() => Run(url));
            }

            internal int QueuedCount => closedByApp ? 0 : raw.Count;

            /// <summary>JS: every raw event queued since the last take, as a JSON array.</summary>
            public string take()
            {
                var batch = new JArray();
                while (raw.TryDequeue(out var e)) batch.Add(e);
                return batch.ToString(Newtonsoft.Json.Formatting.None);
            }

            /// <summary>JS: queued behind earlier sends (ClientWebSocket takes one at a time); a failure is 'error' + 'close' 1006.</summary>
            public void send(string data)
            {
                var bytes = Encoding.UTF8.GetBytes(data);
                lock (sendLock)
                {
                    sending = sending.ContinueWith(async _ =>
                    {
                        if (socket.State != WebSocketState.Open) return;
                        try { await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, stop.Token); }
                        catch (Exception e) { Fail(e.Message); }
                    }, TaskScheduler.Default).Unwrap();
                }
            }

            /// <summary>JS: sends a close frame after the queued sends; an invalid code throws here (JS dispatches 'error').</summary>
            public void close(double code, string reason)
            {
                var status = (int)code;
                if (status != code || (status != 1000 && (status < 3000 || status > 4999)))
                    throw new ArgumentException("Invalid close code " + code);
                closedByApp = true;
                lock (sendLock)
                {
                    sending = sending.ContinueWith(async _ =>
                    {
                        try
                        {
                            if (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseReceived)
                                await socket.CloseOutputAsync((WebSocketCloseStatus)status, reason, stop.Token);
                        }
                        catch (Exception) { /* the app has left; nothing reaches it any more */ }
                    }, TaskScheduler.Default).Unwrap();
                }
            }

            internal void Abort()
            {
                closedByApp = true;
                stop.Cancel();
                socket.Abort();
            }

            async Task Run(string url)
            {
                try { await socket.ConnectAsync(new Uri(url), stop.Token); }
                catch (Exception e)
                {
                    Fail(e.Message);
                    return;
                }
                raw.Enqueue(new JObject { ["type"] = "open" });
                _ = Task.Run(Receive);
            }

            async Task Receive()
            {
                var buffer = new byte[16 * 1024];
                var message = new MemoryStream();
                try
                {
                    while (true)
                    {
                        var part = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), stop.Token);
                        if (part.MessageType == WebSocketMessageType.Close)
                        {
                            raw.Enqueue(new JObject { ["type"] = "close", ["code"] = (int?)socket.CloseStatus ?? 1005, ["reason"] = socket.CloseStatusDescription ?? "" });
                            // Answer the server's close frame, as a WebSocket client does.
                            if (socket.State == WebSocketState.CloseReceived)
                            {
                                try { await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", stop.Token); }
                                catch (Exception) { /* already gone */ }
                            }
                            return;
                        }
                        message.Write(buffer, 0, part.Count);
                        if (!part.EndOfMessage) continue;
                        raw.Enqueue(new JObject { ["type"] = "message", ["data"] = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) });
                        message.SetLength(0);
                    }
                }
                catch (Exception e)
                {
                    if (!stop.IsCancellationRequested) Fail(e.Message);
                }
            }

            /// <summary>Once per socket: 'error', then the shim adds 'close' 1006 (PuerTS's _fail).</summary>
            void Fail(string why)
            {
                if (Interlocked.Exchange(ref failed, 1) == 1) return;
                raw.Enqueue(new JObject { ["type"] = "error", ["data"] = why });
            }
        }
    }
}
