// The example to copy: log in, react to every room connection reason the way ZEGO's room connection
// status page does (its C# switch, reason by reason), switch rooms and log out.
// Code written for ZEGO's Unity SDK only changes its using line: `using ZEGO;` → `using ZegoRoomBridge;`.
using System.Collections.Generic;
using UnityEngine;
using ZegoRoomBridge;

public class RoomConnectionExample : MonoBehaviour
{
    [Header("ZEGO project (leave empty with the simulator)")]
    public uint appID = 0;
    public string appSign = "";
    /// <summary>Token04 from your token server; empty for AppSign authentication (not on WebGL: the Web SDK logs in with a token only).</summary>
    public string token = "";

    [Header("WebGL players (ZEGO Web SDK)")]
    [Tooltip("The Web SDK's server address from the ZEGO console (wss://…). Read only by WebGL players; they also need the token above.")]
    public string webServer = "";

    [Header("Room")]
    public string roomID = "room1";
    public string userID = "user1";

    [Header("Bridge")]
    [Tooltip("In the Editor, run against the simulated room service. A player build always uses the real room service.")]
    public bool useSimulator = true;
    [Tooltip("ws://HOST:8787 from `npx zego-room-bridge serve`: share rooms with other Editors, WebGL tabs and phones. Editor and development builds only.")]
    public string devServer = "";

    /// <summary>What the UI would show; the last line this script logged.</summary>
    public string Status { get; private set; } = "Logout";

    ZegoExpressEngine engine;

    void Start()
    {
        CreateEngineAndLogin();
    }

    void OnDestroy()
    {
        ZegoExpressEngine.DestroyEngine();
    }

    public void CreateEngineAndLogin()
    {
        // The only bridge-specific line: the simulator in the Editor when asked for, never in a player.
        ZegoRoomBridgeSettings.UseSimulator = useSimulator && Application.isEditor;
        // WebGL: ZEGO's engine profile has no server address, the Web SDK needs one. Other platforms ignore it.
        if (!string.IsNullOrEmpty(webServer)) ZegoRoomBridgeSettings.WebServer = webServer;
        // The local room server (docs/DEVSERVER.md): never in a release build, which would refuse it.
        ZegoRoomBridgeSettings.DevServer = Application.isEditor || Debug.isDebugBuild ? devServer : null;
        ZegoEngineProfile profile = new ZegoEngineProfile();
        profile.appID = appID;
        profile.appSign = appSign;
        profile.scenario = ZegoScenario.Default;
        try
        {
            engine = ZegoExpressEngine.CreateEngine(profile);
        }
        catch (ZegoRoomBridgeException e)
        {
            Debug.LogWarning("[RoomConnectionExample] " + CreateEngineHelp(e));
            throw;
        }

        engine.onRoomStateChanged = OnRoomStateChanged;
        engine.onRoomUserUpdate = OnRoomUserUpdate;
        engine.onRoomTokenWillExpire = OnRoomTokenWillExpire;
        engine.onDebugError = OnDebugError;
        Login();
    }

    public void Login()
    {
        ZegoRoomConfig config = new ZegoRoomConfig();
        config.isUserStatusNotify = true;
        if (!string.IsNullOrEmpty(token)) config.token = token;
        engine.LoginRoom(roomID, new ZegoUser(userID), config, (errorCode, extendedData) =>
            Show("LoginRoom result " + errorCode));
    }

    public void SwitchTo(string newRoomID)
    {
        engine.SwitchRoom(roomID, newRoomID);
        roomID = newRoomID;
    }

    public void Logout()
    {
        engine.LogoutRoom(roomID, (errorCode, extendedData) => Show("LogoutRoom result " + errorCode));
    }

    // The source document's handler, reason by reason.
    public void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData)
    {
        switch (reason)
        {
            case ZegoRoomStateChangedReason.Logining:
                // LoginRoom or SwitchRoom is connecting.
                Show("Logining " + roomID);
                break;
            case ZegoRoomStateChangedReason.Logined:
                // First login (or switch) succeeded: fetch the room's own data here.
                Show("Logined " + roomID);
                break;
            case ZegoRoomStateChangedReason.LoginFailed:
                if (errorCode == ZegoErrorCode.RoomErrorAuthenticationFailed)  // 1002033
                    Show("LoginFailed " + roomID + ": the token is wrong (1002033)");
                else if (errorCode == ZegoErrorCode.RoomNoToken)                // 1002067
                {
                    Show("LoginFailed " + roomID + ": no token (1002067)");
                    Debug.LogWarning("[RoomConnectionExample] " + NoTokenHelp);
                }
                else
                    Show("LoginFailed " + roomID + " (" + errorCode + ")");
                break;
            case ZegoRoomStateChangedReason.Reconnecting:
                // The SDK is retrying: show a reconnecting UI.
                Show("Reconnecting " + roomID + " (" + errorCode + ")");
                break;
            case ZegoRoomStateChangedReason.Reconnected:
                Show("Reconnected " + roomID);
                break;
            case ZegoRoomStateChangedReason.ReconnectFailed:
                // The SDK will not retry any more: leave the room in the UI, or call LoginRoom again.
                Show("ReconnectFailed " + roomID + " (" + errorCode + "): call LoginRoom to try again");
                break;
            case ZegoRoomStateChangedReason.KickOut:
                if (errorCode == ZegoErrorCode.RoomKickedOut)            // 1002050
                    Show("KickOut " + roomID + ": the same userID logged in elsewhere (1002050)");
                else if (errorCode == ZegoErrorCode.RoomManualKickedOut) // 1002055
                    Show("KickOut " + roomID + ": removed by your server's kick-out API (1002055)");
                else
                    Show("KickOut " + roomID + " (" + errorCode + ")");
                break;
            case ZegoRoomStateChangedReason.Logout:
                // LogoutRoom, or SwitchRoom leaving this room.
                Show("Logout " + roomID);
                break;
            case ZegoRoomStateChangedReason.LogoutFailed:
                // Wrong or unknown room ID (1002002): fix it and log out again, or others keep seeing this user until the heartbeat times out.
                Show("LogoutFailed " + roomID + " (" + errorCode + ")");
                break;
        }
    }

    void OnRoomUserUpdate(string roomID, ZegoUpdateType updateType, List<ZegoUser> userList, uint userCount)
    {
        foreach (ZegoUser user in userList)
            Show((updateType == ZegoUpdateType.Add ? "joined " : "left ") + roomID + ": " + user.userID);
    }

    void OnRoomTokenWillExpire(string roomID, int remainTimeInSecond)
    {
        // Fetch a new token from your server, then: engine.RenewToken(roomID, newToken);
        Show("token for " + roomID + " expires in " + remainTimeInSecond + " s");
    }

    void OnDebugError(int errorCode, string funcName, string info)
    {
        Show("error " + errorCode + " in " + funcName + ": " + info);
    }

    /// <summary>What a developer must do after LoginFailed 1002067 (a WebGL player logging in without a token).</summary>
    public const string NoTokenHelp =
        "1002067: the login had no token. On WebGL the ZEGO Web SDK logs in only with a token (there is no AppSign login): " +
        "have your token server issue a Token04 for this userID and put it in the token field (ZegoRoomConfig.token) before LoginRoom; " +
        "never ship your ServerSecret in the game. Serve the WebGL page over HTTPS: browsers allow WebRTC only on https:// pages or on localhost.";

    /// <summary>What a developer must do when CreateEngine throws (1000017: the bridge has no usable room driver here).</summary>
    public static string CreateEngineHelp(ZegoRoomBridgeException e) =>
        "CreateEngine failed (" + e.ErrorCode + "). On WebGL: build with the package's \"WebGL template\" sample " +
        "(moved to Assets/WebGLTemplates/ZegoRoomBridge and filled by `npx zego-room-bridge webgl-sdk --out Assets/WebGLTemplates/ZegoRoomBridge`) " +
        "so the page loads the ZEGO Web SDK, and set the webServer field (the wss:// address from the ZEGO console). " +
        "On other players: add ZEGO's Unity SDK (define ZRB_ZEGO_SDK). In the Editor, tick useSimulator to try the simulated room service. " +
        "The bridge said: " + e.Message;

    void Show(string line)
    {
        Status = line;
        Debug.Log("[RoomConnectionExample] " + line);
    }
}
