using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// The last events of one engine as text, for ZegoRoomDebugPanel. The text is built only while
    /// something listens (a panel is enabled): a game without a panel pays nothing per event. Main thread only.
    /// </summary>
    internal sealed class Diagnostics
    {
        const int RecentCapacity = 30;
        static int listeners;

        readonly List<string> recent = new List<string>();

        /// <summary>True while at least one listener (a panel) wants the events as text.</summary>
        public static bool Listening => listeners > 0;

        /// <summary>A panel appears: events raised from now on are kept as text.</summary>
        public static void Listen() => listeners++;

        /// <summary>A panel goes; with none left, no more text is built (what was kept stays).</summary>
        public static void StopListening()
        {
            if (listeners > 0) listeners--;
        }

        /// <summary>Start of a Play session: no panel listens yet.</summary>
        public static void Reset() => listeners = 0;

        /// <summary>The last events raised, newest last.</summary>
        public IReadOnlyList<string> RecentEvents => recent;

        public void Remember(string name, JArray args)
        {
            if (listeners == 0) return;
            recent.Add(name + " " + args.ToString(Formatting.None));
            if (recent.Count > RecentCapacity) recent.RemoveAt(0);
        }
    }
}
