using System;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// The C# side of the "native" driver for one engine: the core's native:* commands to ZEGO's Unity SDK
    /// (through the adapter), in the batch's order, and ZEGO's callbacks back to the core on the main thread.
    /// Commands never reach the app (they carry tokens).
    /// </summary>
    internal sealed class NativePump
    {
        readonly JsChannel channel;
        readonly MainThreadQueue mainThread;
        /// <summary>ZEGO's Unity SDK behind the "native" driver; null once disposed.</summary>
        INativeRoomAdapter native;

        NativePump(JsChannel channel, MainThreadQueue mainThread)
        {
            this.channel = channel;
            this.mainThread = mainThread;
        }

        /// <summary>Makes the adapter and runs the core's first command at once, so ZEGO's engine exists when CreateEngine returns.</summary>
        public static NativePump Attach(JsChannel channel, MainThreadQueue mainThread, ZegoEngineProfile profile)
        {
            var pump = new NativePump(channel, mainThread);
            try { pump.native = NativeRoomDriver.Create(profile, new NativeEventSink(pump)); }
            catch (Exception e)
            {
                try { channel.Host.Invoke(BridgeJson.Serialize(channel.Request("destroyEngine"))); } catch (Exception) { /* the host is released next */ }
                throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, BridgeLog.Prefix + "CreateEngine failed (1000017): the ZEGO Unity SDK adapter failed: " + BridgeJson.Describe(e), e);
            }
            if (pump.native == null) throw JsChannel.CreateFailed("NativeRoomDriver.AdapterFactory returned null");
            pump.RunCommands(channel.Drain());
            return pump;
        }

        public static bool IsCommand(JObject ev) =>
            (ev.Value<string>("event") ?? "").StartsWith(NativeRoomDriver.CommandPrefix, StringComparison.Ordinal);

        /// <summary>The adapter's per-frame checks (its delegates still on ZEGO's engine), before this Tick's work.</summary>
        public void Tick()
        {
            if (native == null) return;
            try { native.Tick(); }
            catch (Exception e) { BridgeLog.Error("the ZEGO adapter's Tick threw", e, channel.Context); }
        }

        /// <summary>Every command of a batch, in order (other events are not the adapter's).</summary>
        public void RunCommands(JObject[] batch)
        {
            foreach (var ev in batch)
                if (IsCommand(ev)) Run(ev);
        }

        public void Run(JObject ev)
        {
            if (native == null) return;
            var command = ev.Value<string>("event").Substring(NativeRoomDriver.CommandPrefix.Length);
            try { native.Execute(command, ev["args"] as JArray ?? new JArray()); }
            catch (Exception e) { BridgeLog.Error("the ZEGO adapter's " + command + " threw", e, channel.Context); }
        }

        /// <summary>After destroyEngine: the core's last commands (LogoutRoom per room, DestroyEngine) still reach ZEGO, then the adapter goes.</summary>
        public void Dispose()
        {
            if (native == null) return;
            RunCommands(channel.Drain());
            try { native.Dispose(); }
            catch (Exception e) { BridgeLog.Error("releasing the ZEGO adapter threw", e, channel.Context); }
            native = null;
        }

        /// <summary>One ZEGO callback to the core (main thread, in ZEGO's order).</summary>
        void SendEvent(string name, JArray args)
        {
            if (channel.EngineDestroyed) return;
            var req = channel.Request("nativeEvent");
            req["event"] = name;
            req["args"] = args ?? new JArray();
            var answer = channel.Invoke(req);
            if (!BridgeJson.Ok(answer))
                BridgeLog.Error("the core refused ZEGO's " + name + " (" + BridgeJson.ErrorOf(answer) + "): " + BridgeJson.MessageOf(answer), channel.Context);
        }

        /// <summary>ZEGO may call back on any thread: every callback waits for the main thread, so their order is kept.</summary>
        sealed class NativeEventSink : INativeRoomEvents
        {
            readonly NativePump pump;
            public NativeEventSink(NativePump pump) { this.pump = pump; }
            public void Post(string eventName, JArray args) => pump.mainThread.Post(() => pump.SendEvent(eventName, args));
        }
    }
}
