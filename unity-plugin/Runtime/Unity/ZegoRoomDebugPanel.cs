using UnityEngine;

namespace ZegoRoomBridge
{
    /// <summary>
    /// An on-screen panel for the simulated room service: network down/up, server kick, duplicate login,
    /// and the last events. Add it to any GameObject, or enable it from Tools > Zego Room Bridge.
    /// </summary>
    [AddComponentMenu("Zego Room Bridge/Room Debug Panel")]
    public sealed class ZegoRoomDebugPanel : MonoBehaviour
    {
        public string roomID = "room1";
        public Rect area = new Rect(10, 10, 420, 360);
        Vector2 scroll;

        // The engine keeps its events as text only while a panel is enabled (nothing per event otherwise).
        void OnEnable() => Diagnostics.Listen();

        void OnDisable() => Diagnostics.StopListening();

        void OnGUI()
        {
            GUILayout.BeginArea(area, "Zego Room Bridge", GUI.skin.window);
            var engine = ZegoExpressEngine.GetEngine();
            if (engine == null)
            {
                GUILayout.Label("No engine (call ZegoExpressEngine.CreateEngine).");
            }
            else if (!ZegoRoomSimulator.IsActive)
            {
                GUILayout.Label("Driver: " + engine.Driver + " — the controls need the simulator.");
            }
            else
            {
                GUILayout.BeginHorizontal();
                GUILayout.Label("Room", GUILayout.Width(40));
                roomID = GUILayout.TextField(roomID);
                GUILayout.EndHorizontal();
                GUILayout.BeginHorizontal();
                if (GUILayout.Button("Network down")) ZegoRoomSimulator.SetNetwork(false);
                if (GUILayout.Button("Network up")) ZegoRoomSimulator.SetNetwork(true);
                GUILayout.EndHorizontal();
                GUILayout.BeginHorizontal();
                if (GUILayout.Button("Server kick (1002055)")) ZegoRoomSimulator.KickOut(roomID);
                if (GUILayout.Button("Duplicate login (1002050)")) ZegoRoomSimulator.DuplicateLogin(roomID);
                GUILayout.EndHorizontal();
            }
            if (engine != null)
            {
                scroll = GUILayout.BeginScrollView(scroll);
                var recent = engine.RecentEvents;
                for (int i = recent.Count - 1; i >= 0; i--) GUILayout.Label(recent[i]);
                GUILayout.EndScrollView();
            }
            GUILayout.EndArea();
        }
    }
}
