// Drop on a GameObject and press Play in the Editor: logs in against the simulated room service; press
// the debug panel's buttons (network down/up, server kick, duplicate login) and watch the Console.
// The repository's Assets/ZegoRoomBridgeExample is the full example (every reason handled as ZEGO's
// room connection status page does).
using UnityEngine;
using ZegoRoomBridge;

public class SimulatorQuickStart : MonoBehaviour
{
    public string roomID = "room1";
    public string userID = "user1";

    void Start()
    {
        // The simulator only in the Editor: a player build must run the platform's real driver (or
        // fail loudly in CreateEngine), never a simulated room without saying so.
        if (Application.isEditor) ZegoRoomBridgeSettings.UseSimulator = true;
        var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile());
        engine.onRoomStateChanged = (room, reason, errorCode, extendedData) =>
            Debug.Log("onRoomStateChanged " + room + " " + reason + " " + errorCode);
        engine.onRoomUserUpdate = (room, updateType, users, count) =>
            Debug.Log("onRoomUserUpdate " + room + " " + updateType + " " + count);
        ZegoRoomConfig config = new ZegoRoomConfig();
        config.isUserStatusNotify = true;
        engine.LoginRoom(roomID, new ZegoUser(userID), config);
        // The runner already shows a panel when "Show Debug Panel In Play Mode" is on; add one only
        // when there is none, so two panels never overlap.
        if (FindObjectOfType<ZegoRoomDebugPanel>() == null)
            gameObject.AddComponent<ZegoRoomDebugPanel>().roomID = roomID;
    }

    void OnDestroy()
    {
        ZegoExpressEngine.DestroyEngine();
    }
}
