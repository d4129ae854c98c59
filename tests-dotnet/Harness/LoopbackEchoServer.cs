// A WebSocket server on a free loopback port, in process, for HostWebSocketTests: a TcpListener that
// answers the HTTP upgrade itself (RFC 6455 §4.2.2) and hands the stream to WebSocket.CreateFromStream.
// Text messages are echoed, except commands: "burst:N" sends N messages at once, "close:CODE:REASON"
// closes with that code, "drop" ends the TCP connection without a close frame.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ZegoRoomBridge.Tests
{
    public sealed class LoopbackEchoServer : IDisposable
    {
        readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        readonly CancellationTokenSource stop = new CancellationTokenSource();

        /// <summary>Close codes clients sent (e.g. from the app's own close()), in arrival order.</summary>
        public readonly ConcurrentQueue<int> ClientCloseCodes = new ConcurrentQueue<int>();

        public LoopbackEchoServer()
        {
            listener.Start();
            _ = Task.Run(Accept);
        }

        public string Url => "ws://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/";

        async Task Accept()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (Exception) { return; }
                _ = Task.Run(() => Serve(client));
            }
        }

        async Task Serve(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var key = await ReadUpgradeKey(stream);
                if (key == null) return;
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
                var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n";
                var bytes = Encoding.ASCII.GetBytes(response);
                await stream.WriteAsync(bytes, 0, bytes.Length, stop.Token);
                using (var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero }))
                {
                    try { await Echo(socket, client); }
                    catch (Exception) { /* the client went away or the server stops */ }
                }
            }
        }

        async Task Echo(WebSocket socket, TcpClient client)
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var part = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseCodes.Enqueue((int?)socket.CloseStatus ?? 1005);
                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", stop.Token);
                    return;
                }
                var text = Encoding.UTF8.GetString(buffer, 0, part.Count);   // the tests send short, single-frame messages
                if (text.StartsWith("burst:", StringComparison.Ordinal))
                {
                    for (var i = 1; i <= int.Parse(text.Substring(6)); i++) await Send(socket, "m" + i);
                }
                else if (text.StartsWith("close:", StringComparison.Ordinal))
                {
                    var fields = text.Split(':', 3);
                    await socket.CloseOutputAsync((WebSocketCloseStatus)int.Parse(fields[1]), fields[2], stop.Token);
                }
                else if (text == "drop")
                {
                    client.Client.Close(0);   // a TCP reset: no close frame
                    return;
                }
                else await Send(socket, text);
            }
        }

        Task Send(WebSocket socket, string text) =>
            socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, stop.Token);

        /// <summary>The request's Sec-WebSocket-Key, or null when it is no WebSocket upgrade.</summary>
        static async Task<string> ReadUpgradeKey(NetworkStream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (head.Length > 8192 || await stream.ReadAsync(one, 0, 1) == 0) return null;
                head.Append((char)one[0]);
            }
            foreach (var line in head.ToString().Split("\r\n"))
            {
                if (line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase)) return line.Substring(18).Trim();
            }
            return null;
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
        }
    }
}
