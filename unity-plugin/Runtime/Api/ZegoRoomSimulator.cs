using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// Drives the simulated room service of the current engine while playing, so handlers can be
    /// watched reacting (ZegoRoomDebugPanel puts buttons on these). Main thread only. Every call needs an
    /// engine created with the simulator; otherwise it logs why and does nothing.
    /// </summary>
    public static class ZegoRoomSimulator
    {
        /// <summary>True when the current engine runs against the simulated room service.</summary>
        public static bool IsActive
        {
            get
            {
                var e = ZegoExpressEngine.GetEngine();
                return e != null && e.Driver == ZegoRoomDriverKind.Simulator;
            }
        }

        /// <summary>This device's network: false drops the link now (Reconnecting), true lets the next retry through.</summary>
        public static void SetNetwork(bool online)
        {
            var e = Engine("SetNetwork");
            if (e == null) return;
            var req = BridgeJson.Request("simSetNetwork");
            req["clientId"] = e.ClientId;
            req["online"] = online;
            Check(e.InvokeSimulator(req), "SetNetwork");
        }

        /// <summary>The server's kick-out API (KickOut 1002055). userID null: the user this engine logged in with.</summary>
        public static bool KickOut(string roomID, string userID = null)
        {
            var e = Engine("KickOut");
            if (e == null) return false;
            var req = BridgeJson.Request("simKickOut");
            req["roomID"] = roomID;
            req["userID"] = userID ?? e.UserOfRoom(roomID);
            var answer = Check(e.InvokeSimulator(req), "KickOut");
            return answer != null && answer.Value<bool?>("kicked") == true;
        }

        /// <summary>Another device logs in with the same userID (KickOut 1002050 here). userID null: this engine's user.</summary>
        public static void DuplicateLogin(string roomID, string userID = null, string token = null)
        {
            var e = Engine("DuplicateLogin");
            if (e == null) return;
            var req = BridgeJson.Request("simDuplicateLogin");
            req["roomID"] = roomID;
            req["userID"] = userID ?? e.UserOfRoom(roomID);
            if (token != null) req["token"] = token;
            Check(e.InvokeSimulator(req), "DuplicateLogin");
        }

        /// <summary>
        /// Moves a virtual clock (ZegoSimulatorOptions.VirtualClock) forward by 0 to 86,400,000 ms (24 h) per call;
        /// returns the world's time in ms. A span outside that (NaN, infinite, negative, longer) is refused: logged, NaN returned, time unchanged.
        /// </summary>
        public static double Advance(double ms)
        {
            var e = Engine("Advance");
            if (e == null) return double.NaN;
            if (double.IsNaN(ms) || double.IsInfinity(ms))
            {
                // JSON has no NaN/Infinity: say what is wrong rather than send a request the core cannot read.
                BridgeLog.Error("ZegoRoomSimulator.Advance failed (1000017): \"ms\" must be a number from 0 to 86400000 (24 h) per call");
                return double.NaN;
            }
            var req = BridgeJson.Request("simAdvance");
            req["ms"] = ms;
            var answer = Check(e.InvokeSimulator(req), "Advance");
            return answer?.Value<double?>("now") ?? double.NaN;
        }

        /// <summary>The simulated world's time in ms.</summary>
        public static double Now()
        {
            var e = Engine("Now");
            if (e == null) return double.NaN;
            var answer = Check(e.InvokeSimulator(BridgeJson.Request("simNow")), "Now");
            return answer?.Value<double?>("now") ?? double.NaN;
        }

        /// <summary>A Token04 the simulator reads the expiry of (for token-expiry and 1002033 scenarios).</summary>
        public static string MakeTestToken(double expireAtSec)
        {
            var e = Engine("MakeTestToken");
            if (e == null) return null;
            var req = BridgeJson.Request("makeTestToken");
            req["expireAtSec"] = expireAtSec;
            return Check(e.InvokeSimulator(req), "MakeTestToken")?.Value<string>("token");
        }

        static ZegoExpressEngine Engine(string fn)
        {
            var e = ZegoExpressEngine.GetEngine();
            if (e != null && e.Driver == ZegoRoomDriverKind.Simulator) return e;
            BridgeLog.Error("ZegoRoomSimulator." + fn + " needs an engine created with the simulator (ZegoRoomBridgeSettings.UseSimulator)");
            return null;
        }

        static JObject Check(JObject answer, string fn)
        {
            if (answer == null) return null;
            if (BridgeJson.Ok(answer)) return answer;
            BridgeLog.Error("ZegoRoomSimulator." + fn + " failed (" + BridgeJson.ErrorOf(answer) + "): " + BridgeJson.MessageOf(answer));
            return null;
        }
    }
}
