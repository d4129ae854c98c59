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
            // The core's reconnect window, whatever the driver (null: ZEGO's 20 minutes, the core's default).
            if (ZegoRoomBridgeSettings.RetryWindowMs.HasValue) req["retryWindowMs"] = ZegoRoomBridgeSettings.RetryWindowMs.Value;
            if (driver == ZegoRoomDriverKind.Simulator) AddSimulator(req, settings);
            else if (driver == ZegoRoomDriverKind.Web) AddWeb(req);
            else if (driver == ZegoRoomDriverKind.Dev) AddDev(req);
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

        static void AddDev(JObject req)
        {
            var dev = new JObject { ["url"] = ZegoRoomBridgeSettings.DevServer };
            if (ZegoRoomBridgeSettings.DevHeartbeatIntervalMs.HasValue) dev["heartbeatIntervalMs"] = ZegoRoomBridgeSettings.DevHeartbeatIntervalMs.Value;
            req["dev"] = dev;
        }

        /// <summary>
        /// Throws (1000017) before a JS runtime starts when the bridge's own settings cannot work: the dev driver in a
        /// release build or with an address that is not ws:// / wss://, a window or heartbeat that is not positive.
        /// </summary>
        public static void CheckSettings(ZegoRoomDriverKind driver, bool isEditor, bool isDevelopmentBuild)
        {
            var retryWindow = ZegoRoomBridgeSettings.RetryWindowMs;
            if (retryWindow.HasValue && retryWindow.Value <= 0)
                throw JsChannel.CreateFailed("ZegoRoomBridgeSettings.RetryWindowMs must be a positive number of milliseconds, or null for ZEGO's 20 minutes (it is " + retryWindow.Value + ")");
            if (driver != ZegoRoomDriverKind.Dev) return;
            var problem = DriverSelector.DevServerProblem(ZegoRoomBridgeSettings.DevServer, isEditor, isDevelopmentBuild);
            if (problem != null) throw JsChannel.CreateFailed(problem);
            var heartbeat = ZegoRoomBridgeSettings.DevHeartbeatIntervalMs;
            if (heartbeat.HasValue && heartbeat.Value <= 0)
                throw JsChannel.CreateFailed("ZegoRoomBridgeSettings.DevHeartbeatIntervalMs must be a positive number of milliseconds, or null for the dev driver's 5 s (it is " + heartbeat.Value + ")");
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
            if (driver == ZegoRoomDriverKind.Simulator) return JsChannel.CreateFailed("the core refused the simulator settings: " + message);
            // Asked for by the app (DevServer), so no "this platform needs" wording: the core's reason says what is wrong.
            if (driver == ZegoRoomDriverKind.Dev) return JsChannel.CreateFailed("the core refused the dev driver (ZegoRoomBridgeSettings.DevServer = \"" + ZegoRoomBridgeSettings.DevServer + "\"): " + message);
            return new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, DriverSelector.UnavailableMessage(driver, message));
        }
    }
}
