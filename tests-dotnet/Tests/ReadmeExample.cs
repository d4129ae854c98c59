// The README's Unity example, compiled by the test project (test/readme.test.ts keeps the two identical).
using UnityEngine;
using ZegoRoomBridge;   // was: using ZEGO;

public class Room : MonoBehaviour
{
    ZegoExpressEngine engine;

    void Start()
    {
#if UNITY_EDITOR
        ZegoRoomBridgeSettings.UseSimulator = true;   // the simulated room service: only when asked for
#endif
        engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1234567, appSign = "" });
        engine.onRoomStateChanged = (roomID, reason, errorCode, extendedData) =>
        {
            switch (reason)
            {
                case ZegoRoomStateChangedReason.Reconnecting: Debug.Log("show the reconnecting UI"); break;
                case ZegoRoomStateChangedReason.ReconnectFailed: Debug.Log("gave up after 20 minutes: log in again"); break;
                case ZegoRoomStateChangedReason.KickOut:
                    Debug.Log(errorCode == 1002050 ? "same user ID logged in elsewhere" : "kicked by the server"); break;
            }
        };
        var config = new ZegoRoomConfig { isUserStatusNotify = true, token = "<Token04 from your server>" };
        engine.LoginRoom("room1", new ZegoUser("user1"), config, (errorCode, extendedData) => Debug.Log("login " + errorCode));
    }

    void OnDestroy() => ZegoExpressEngine.DestroyEngine();
}
