// Drop on a GameObject and press Play: logs in against the simulated room service and shows the debug
// panel; press its buttons and watch the Console. Assets/ZegoRoomBridgeExample in the repository is the
// full example (every reason handled as ZEGO's room connection status page does).
using UnityEngine;
using ZegoRoomBridge;

public class SimulatorQuickStart : MonoBehaviour
{
    public string roomID = "room1";
    public string userID = "user1";

    void Start()
    {
        ZegoRoomBridgeSettings.UseSimulator = true;
        var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile());
        engine.onRoomStateChanged = (room, reason, errorCode, extendedData) =>
            Debug.Log("onRoomStateChanged " + room + " " + reason + " " + errorCode);
        engine.onRoomUserUpdate = (room, updateType, users, count) =>
            Debug.Log("onRoomUserUpdate " + room + " " + updateType + " " + count);
        ZegoRoomConfig config = new ZegoRoomConfig();
        config.isUserStatusNotify = true;
        engine.LoginRoom(roomID, new ZegoUser(userID), config);
        gameObject.AddComponent<ZegoRoomDebugPanel>().roomID = roomID;
    }

    void OnDestroy()
    {
        ZegoExpressEngine.DestroyEngine();
    }
}
