using UnityEditor;

namespace ZegoRoomBridge.Editor
{
    /// <summary>Play-mode options (per user, EditorPrefs): run against the simulated room service, show the debug panel.</summary>
    [InitializeOnLoad]
    static class ZegoRoomBridgeMenu
    {
        const string SimulateItem = "Tools/Zego Room Bridge/Simulate Room Service In Play Mode";
        const string PanelItem = "Tools/Zego Room Bridge/Show Debug Panel In Play Mode";
        const string SimulateKey = "ZegoRoomBridge.SimulateInPlayMode";
        const string PanelKey = "ZegoRoomBridge.ShowDebugPanel";

        static ZegoRoomBridgeMenu()
        {
            // Read at CreateEngine time, so toggling between Play sessions needs no recompile.
            HostHooks.EditorSimulatorPreference = () => EditorPrefs.GetBool(SimulateKey, false);
            HostHooks.EditorShowDebugPanel = () => EditorPrefs.GetBool(PanelKey, true);
        }

        [MenuItem(SimulateItem)]
        static void ToggleSimulate() => EditorPrefs.SetBool(SimulateKey, !EditorPrefs.GetBool(SimulateKey, false));

        [MenuItem(SimulateItem, true)]
        static bool ValidateSimulate()
        {
            Menu.SetChecked(SimulateItem, EditorPrefs.GetBool(SimulateKey, false));
            return true;
        }

        [MenuItem(PanelItem)]
        static void TogglePanel() => EditorPrefs.SetBool(PanelKey, !EditorPrefs.GetBool(PanelKey, true));

        [MenuItem(PanelItem, true)]
        static bool ValidatePanel()
        {
            Menu.SetChecked(PanelItem, EditorPrefs.GetBool(PanelKey, true));
            return true;
        }
    }
}
