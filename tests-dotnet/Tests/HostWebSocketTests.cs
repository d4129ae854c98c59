// The harness's globalThis.WebSocket (HostWebSockets) behaves as PuerTS's native one does, against a real
// loopback server: events only on Tick and one per Tick, addEventListener only, 'error' from send on a
// socket that is not open, 'error' + 'close' 1006 on a lost connection, no 'close' after the app's own close().
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Microsoft.ClearScript.V8;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace ZegoRoomBridge.Tests
{
    public class HostWebSocketTests
    {
        const int WaitMs = 10_000;

        V8ScriptEngine engine;
        HostWebSockets sockets;
        LoopbackEchoServer server;

        [SetUp]
        public void Start()
        {
            server = new LoopbackEchoServer();
            engine = new V8ScriptEngine();
            sockets = HostWebSockets.Install(engine);
            engine.Execute(@"
                globalThis.log = [];
                globalThis.watch = (ws) => {
                  for (const type of ['open', 'message', 'close', 'error'])
                    ws.addEventListener(type, (e) => log.push(type +
                      (e.data !== undefined ? ' ' + e.data : '') +
                      (e.code !== undefined ? ' ' + e.code + ' ' + e.reason : '') +
                      ' readyState=' + ws.readyState));
                  ws.onopen = () => log.push('onopen');
                  ws.onmessage = () => log.push('onmessage');
                  return ws;
                };");
        }

        [TearDown]
        public void Stop()
        {
            sockets.Dispose();
            engine.Dispose();
            server.Dispose();
        }

        string[] Log => JArray.Parse((string)engine.Evaluate("JSON.stringify(log)")).Select(t => (string)t).ToArray();

        int ReadyState => (int)engine.Evaluate("ws.readyState");

        /// <summary>Until the sockets' threads have queued at least <paramref name="count"/> events JS has not taken (bounded).</summary>
        void WaitQueued(int count) =>
            Assert.That(SpinWait.SpinUntil(() => sockets.Queued >= count, WaitMs), Is.True, "the socket's thread queued " + count + " event(s) within " + WaitMs + " ms");

        void Open()
        {
            engine.Execute("globalThis.ws = watch(new WebSocket('" + server.Url + "'));");
            WaitQueued(1);
            sockets.Poll();
            Assert.That(Log, Is.EqualTo(new[] { "open readyState=1" }));
        }

        [Test]
        public void OpenAndMessages_ReachJsOnlyOnTick_ThroughAddEventListenerOnly()
        {
            engine.Execute("globalThis.ws = watch(new WebSocket('" + server.Url + "'));");
            Assert.That(ReadyState, Is.EqualTo(0));
            WaitQueued(1);
            Assert.That(Log, Is.Empty, "the socket opened on its thread; JS hears it on the next Tick");
            Assert.That(ReadyState, Is.EqualTo(0));

            sockets.Poll();
            Assert.That(Log, Is.EqualTo(new[] { "open readyState=1" }), "onopen / onmessage properties are never called");

            engine.Execute("ws.send('hello'); ws.send('wörld');");
            WaitQueued(2);
            Assert.That(Log, Has.Length.EqualTo(1));
            sockets.Poll();
            sockets.Poll();
            Assert.That(Log.Skip(1), Is.EqualTo(new[] { "message hello readyState=1", "message wörld readyState=1" }));
            Assert.That(engine.Evaluate("WebSocket.OPEN + ',' + ws.CLOSED + ',' + ws.url"), Is.EqualTo("1,3," + server.Url));
        }

        [Test]
        public void ABurst_IsDeliveredOneEventPerTick_AsPuertsPolls()
        {
            Open();
            engine.Execute("ws.send('burst:3');");
            WaitQueued(3);
            sockets.Poll();
            Assert.That(Log.Skip(1), Is.EqualTo(new[] { "message m1 readyState=1" }));
            sockets.Poll();
            sockets.Poll();
            Assert.That(Log.Skip(1), Is.EqualTo(new[] { "message m1 readyState=1", "message m2 readyState=1", "message m3 readyState=1" }));
            sockets.Poll();
            Assert.That(Log, Has.Length.EqualTo(4), "nothing more");
        }

        [Test]
        public void TheServersClose_GivesItsCodeAndReason_ThenSendDispatchesErrorInsteadOfThrowing()
        {
            Open();
            engine.Execute("ws.send('close:4001:bye');");
            WaitQueued(1);
            sockets.Poll();
            Assert.That(Log.Skip(1), Is.EqualTo(new[] { "close 4001 bye readyState=2" }), "CLOSING while the close event runs, as in PuerTS");
            Assert.That(ReadyState, Is.EqualTo(3));

            engine.Execute("ws.send('late');");
            Assert.That(Log.Skip(2), Is.EqualTo(new[] { "error WebSocket is not open: readyState 3 (CLOSED) readyState=3" }),
                "dispatched at once, inside send");
        }

        [Test]
        public void SendBeforeOpen_DispatchesError()
        {
            engine.Execute("globalThis.ws = watch(new WebSocket('" + server.Url + "')); ws.send('early');");
            Assert.That(Log, Is.EqualTo(new[] { "error WebSocket is not open: readyState 0 (CONNECTING) readyState=0" }));
        }

        [Test]
        public void AProtocolsArgument_Throws()
        {
            var message = engine.Evaluate("try { new WebSocket('" + server.Url + "', ['chat']); 'no throw' } catch (e) { e.message }");
            Assert.That(message, Is.EqualTo("do not support protocols argument"));
        }

        [Test]
        public void ALostConnection_IsErrorThenClose1006()
        {
            Open();
            engine.Execute("ws.send('drop');");
            WaitQueued(1);
            sockets.Poll();
            sockets.Poll();
            var log = Log.Skip(1).ToArray();
            Assert.That(log, Has.Length.EqualTo(2), string.Join(" | ", log));
            Assert.That(log[0], Does.StartWith("error ").And.EndWith(" readyState=2"));
            Assert.That(log[1], Does.StartWith("close 1006 ").And.EndWith(" readyState=2"));
            Assert.That(ReadyState, Is.EqualTo(3));
        }

        [Test]
        public void NothingListening_IsErrorThenClose1006()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            engine.Execute("globalThis.ws = watch(new WebSocket('ws://127.0.0.1:" + port + "/'));");
            WaitQueued(1);
            sockets.Poll();
            sockets.Poll();
            var log = Log;
            Assert.That(log, Has.Length.EqualTo(2), string.Join(" | ", log));
            Assert.That(log[0], Does.StartWith("error "));
            Assert.That(log[1], Does.StartWith("close 1006 "));
        }

        [Test]
        public void TheAppsOwnClose_ReachesTheServer_AndNoCloseEventFollows()
        {
            Open();
            engine.Execute("ws.close(4000, 'done');");
            Assert.That(ReadyState, Is.EqualTo(2));
            Assert.That(SpinWait.SpinUntil(() => server.ClientCloseCodes.Contains(4000), WaitMs), Is.True, "the server got close code 4000");
            sockets.Poll();
            Assert.That(ReadyState, Is.EqualTo(3));
            sockets.Poll();
            Assert.That(Log, Is.EqualTo(new[] { "open readyState=1" }), "PuerTS stops polling a closing socket: no close event");
        }
    }
}
