// The script of unity-plugin/Documentation~/keep-zego-media.md, compiled against this package and the
// fake of ZEGO's Unity SDK (namespace ZEGO); KeepZegoMediaTests runs it and keeps the page identical.
// Outside the package's namespace on purpose: a game's script sees both namespaces as written here.
using System.Collections.Generic;
using UnityEngine;
using ZegoRoomBridge;   // rooms: the bridge, with ZEGO's names
using Z = ZEGO;         // audio and video: ZEGO's Unity SDK, through the alias

public class RoomWithMedia : MonoBehaviour
{
    public string roomID = "room1";
    public string userID = "user1";

    ZegoExpressEngine rooms;     // the bridge: log in, room state, users
    Z.ZegoExpressEngine media;   // ZEGO's own engine: publish and play streams

    void Start()
    {
        rooms = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1234567, appSign = "<AppSign>", scenario = ZegoScenario.Default });
        // On native players the bridge has just created ZEGO's engine; null with the simulator and on WebGL.
        media = Z.ZegoExpressEngine.GetEngine();

        rooms.onRoomStateChanged = OnRoomStateChanged;   // '=' is fine on the bridge's delegates
        if (media != null) media.onRoomStreamUpdate += OnRoomStreamUpdate;   // '+=' on ZEGO's

        rooms.LoginRoom(roomID, new ZegoUser(userID), new ZegoRoomConfig { isUserStatusNotify = true },
            (errorCode, extendedData) => Debug.Log("login " + errorCode));
    }

    void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData)
    {
        Debug.Log(roomID + " " + reason + " " + errorCode);
        switch (reason)
        {
            case ZegoRoomStateChangedReason.Logined:
                media?.StartPublishingStream(userID + "-main");   // ZEGO keeps it across Reconnecting/Reconnected
                break;
            case ZegoRoomStateChangedReason.ReconnectFailed:
            case ZegoRoomStateChangedReason.KickOut:
                media?.StopPublishingStream();
                break;
        }
    }

    void OnRoomStreamUpdate(string roomID, Z.ZegoUpdateType updateType, List<Z.ZegoStream> streamList, string extendedData)
    {
        foreach (var stream in streamList)
        {
            if (updateType == Z.ZegoUpdateType.Add) media.StartPlayingStream(stream.streamID, new Z.ZegoCanvas());
            else media.StopPlayingStream(stream.streamID);
        }
    }

    void OnDestroy()
    {
        if (media != null) media.onRoomStreamUpdate -= OnRoomStreamUpdate;
        ZegoExpressEngine.DestroyEngine();   // logs out, then destroys ZEGO's engine when the bridge created it
    }
}
