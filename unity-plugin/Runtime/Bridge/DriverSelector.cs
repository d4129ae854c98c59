using System;

namespace ZegoRoomBridge
{
    /// <summary>The room driver the core runs: what this platform needs, or the simulator or the local room server when asked for.</summary>
    public enum ZegoRoomDriverKind
    {
        Simulator,
        Web,
        Native,
        /// <summary>The local room server of <c>npx zego-room-bridge serve</c> (ZegoRoomBridgeSettings.DevServer).</summary>
        Dev,
    }

    /// <summary>Which driver CreateEngine asks the core for. Plain C#, so the rule is tested outside Unity.</summary>
    public static class DriverSelector
    {
        /// <summary>
        /// The app's explicit UseSimulator wins everywhere; the Editor's Play-mode option only in the
        /// Editor; otherwise the platform's real driver — a player build never falls back to the simulator.
        /// </summary>
        public static ZegoRoomDriverKind Choose(bool isEditor, bool isWebGLPlayer, bool useSimulator, bool editorPlayModeSimulator) =>
            Choose(isEditor, isWebGLPlayer, useSimulator, editorPlayModeSimulator, false);

        /// <summary>
        /// As above, with the app's DevServer first: the most specific thing asked for (a server's address) wins over
        /// both simulator settings. Whether the dev driver may run here (Editor, development build) is
        /// <see cref="DevServerProblem"/>'s question, so a release build fails loudly instead of picking another driver.
        /// </summary>
        public static ZegoRoomDriverKind Choose(bool isEditor, bool isWebGLPlayer, bool useSimulator, bool editorPlayModeSimulator, bool devServer)
        {
            if (devServer) return ZegoRoomDriverKind.Dev;
            if (useSimulator) return ZegoRoomDriverKind.Simulator;
            if (isEditor && editorPlayModeSimulator) return ZegoRoomDriverKind.Simulator;
            if (isWebGLPlayer && !isEditor) return ZegoRoomDriverKind.Web;
            return ZegoRoomDriverKind.Native;
        }

        /// <summary>Whether ZegoRoomBridgeSettings.DevServer counts as set (null and "" are off, as an empty Inspector field).</summary>
        public static bool DevServerSet(string devServer) => !string.IsNullOrEmpty(devServer);

        /// <summary>Where the dev driver may run: the Editor and development builds (Debug.isDebugBuild), never a release build.</summary>
        public static bool DevAllowed(bool isEditor, bool isDevelopmentBuild) => isEditor || isDevelopmentBuild;

        /// <summary>
        /// Why CreateEngine cannot run the dev driver with this DevServer here (the text after "CreateEngine failed (1000017): "),
        /// or null when it can: a release build, or an address that is not ws://HOST[:PORT][/PATH] or wss://….
        /// </summary>
        public static string DevServerProblem(string devServer, bool isEditor, bool isDevelopmentBuild)
        {
            if (!DevAllowed(isEditor, isDevelopmentBuild))
            {
                return "ZegoRoomBridgeSettings.DevServer is set (\"" + devServer + "\") in a release build: the dev driver (the local room server of " +
                       "`npx zego-room-bridge serve`) runs only in the Editor and in development builds. Set DevServer only under " +
                       "#if UNITY_EDITOR || DEVELOPMENT_BUILD, or build with Development Build checked.";
            }
            if (!IsWebSocketUrl(devServer))
            {
                return "ZegoRoomBridgeSettings.DevServer must be a ws:// or wss:// address such as \"ws://127.0.0.1:8787\" " +
                       "(what `npx zego-room-bridge serve` prints), not \"" + devServer + "\"";
            }
            return null;
        }

        static bool IsWebSocketUrl(string url)
        {
            if (url.Trim().Length != url.Length) return false;   // Uri would trim what the socket would not
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
            return (uri.Scheme == "ws" || uri.Scheme == "wss") && uri.Host.Length > 0 &&
                   url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The driver's name in the createEngine request (docs/BOUNDARY.md).</summary>
        public static string WireName(ZegoRoomDriverKind kind)
        {
            switch (kind)
            {
                case ZegoRoomDriverKind.Simulator: return "simulator";
                case ZegoRoomDriverKind.Web: return "web";
                case ZegoRoomDriverKind.Dev: return "dev";
                default: return "native";
            }
        }

        /// <summary>The CreateEngine error text when the core has no such driver (Documentation~/reference.md quotes it).</summary>
        public static string UnavailableMessage(ZegoRoomDriverKind kind, string coreMessage)
        {
            return BridgeLog.Prefix + "CreateEngine failed (1000017): no usable room driver — the \"" + WireName(kind) +
                   "\" driver this platform needs is not available (" + coreMessage + "). " +
                   "To run against the simulated room service set ZegoRoomBridgeSettings.UseSimulator = true before CreateEngine" +
                   " (in the Editor: Tools > Zego Room Bridge > Simulate Room Service In Play Mode).";
        }
    }
}
