using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>The createEngine request for each room driver (docs/BOUNDARY.md), from the app's settings, and what a refusal means.</summary>
    internal static class DriverRequests
    {
        public static JObject CreateEngine(ZegoEngineProfile profile, ZegoRoomMode roomMode, ZegoRoomDriverKind driver, ZegoSimulatorOptions settings)
        {
            var req = BridgeJson.Request("createEngine");
            req["appID"] = profile.appID;
            req["roomMode"] = (int)roomMode;
            req["driver"] = DriverSelector.WireName(driver);
            if (ZegoRoomBridgeSettings.Trace) req["trace"] = ZegoRoomBridgeSettings.BeginTrace();
            if (driver == ZegoRoomDriverKind.Simulator) AddSimulator(req, settings);
            else if (driver == ZegoRoomDriverKind.Web) AddWeb(req);
            if (driver != ZegoRoomDriverKind.Simulator && ZegoRoomBridgeSettings.DriverOptions != null)
            {
                foreach (var kv in ZegoRoomBridgeSettings.DriverOptions) req[kv.Key] = BridgeJson.From(kv.Value);
            }
            return req;
        }

        static void AddSimulator(JObject req, ZegoSimulatorOptions settings)
        {
            req["world"] = settings.World ?? "default";
            if (!string.IsNullOrEmpty(settings.ClientId)) req["clientId"] = settings.ClientId;
            req["seed"] = settings.Seed;
            // The clock is a top-level createEngine field (docs/BOUNDARY.md); the simulator's own options stay nested.
            req["clock"] = settings.VirtualClock ? "virtual" : "host";
            req["startMs"] = settings.StartMs;
            var sim = new JObject();
            if (settings.LoginLatencyMs.HasValue) sim["loginLatencyMs"] = settings.LoginLatencyMs.Value;
            if (settings.NotifyLatencyMs.HasValue) sim["notifyLatencyMs"] = settings.NotifyLatencyMs.Value;
            if (settings.HeartbeatTimeoutMs.HasValue) sim["heartbeatTimeoutMs"] = settings.HeartbeatTimeoutMs.Value;
            req["simulator"] = sim;
        }

        static void AddWeb(JObject req)
        {
            req["webServer"] = ZegoRoomBridgeSettings.WebServer;
            var web = ZegoRoomBridgeSettings.Web ?? new ZegoWebOptions();
            req["web"] = new JObject
            {
                ["earlyReconnecting"] = web.EarlyReconnecting, ["extendToRetryWindow"] = web.ExtendToRetryWindow,
                ["retryOnOnline"] = web.RetryOnOnline, ["holdGraceMs"] = web.HoldGraceMs,
            };
        }

        /// <summary>Throws (1000017) before the core is asked when the driver cannot run here at all.</summary>
        public static void CheckAvailable(ZegoRoomDriverKind driver)
        {
            if (driver == ZegoRoomDriverKind.Native && NativeRoomDriver.AdapterFactory == null)
                throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, DriverSelector.UnavailableMessage(driver, NativeRoomDriver.MissingSdkReason));
        }

        /// <summary>The CreateEngine exception when the core refused the request.</summary>
        public static ZegoRoomBridgeException Refused(ZegoRoomDriverKind driver, JObject answer)
        {
            var message = BridgeJson.MessageOf(answer);
            return driver == ZegoRoomDriverKind.Simulator
                ? JsChannel.CreateFailed("the core refused the simulator settings: " + message)
                : new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, DriverSelector.UnavailableMessage(driver, message));
        }
    }
}
