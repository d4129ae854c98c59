namespace ZegoRoomBridge
{
    /// <summary>The room driver the core runs: what this platform needs, or the simulator when asked for.</summary>
    public enum ZegoRoomDriverKind
    {
        Simulator,
        Web,
        Native,
    }

    /// <summary>Which driver CreateEngine asks the core for. Plain C#, so the rule is tested outside Unity.</summary>
    public static class DriverSelector
    {
        /// <summary>
        /// The app's explicit UseSimulator wins everywhere; the Editor's Play-mode option only in the
        /// Editor; otherwise the platform's real driver — a player build never falls back to the simulator.
        /// </summary>
        public static ZegoRoomDriverKind Choose(bool isEditor, bool isWebGLPlayer, bool useSimulator, bool editorPlayModeSimulator)
        {
            if (useSimulator) return ZegoRoomDriverKind.Simulator;
            if (isEditor && editorPlayModeSimulator) return ZegoRoomDriverKind.Simulator;
            if (isWebGLPlayer && !isEditor) return ZegoRoomDriverKind.Web;
            return ZegoRoomDriverKind.Native;
        }

        /// <summary>The driver's name in the createEngine request (docs/BOUNDARY.md).</summary>
        public static string WireName(ZegoRoomDriverKind kind)
        {
            switch (kind)
            {
                case ZegoRoomDriverKind.Simulator: return "simulator";
                case ZegoRoomDriverKind.Web: return "web";
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
