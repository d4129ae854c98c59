using UnityEngine;

namespace ZegoRoomBridge
{
    /// <summary>
    /// Ticks the engine once per frame (JS timers, then the event batch as delegates) and follows the
    /// Unity lifecycle. Created on CreateEngine; lives across scenes; hidden.
    /// </summary>
    [AddComponentMenu("")]
    public sealed class ZegoRoomBridgeRunner : MonoBehaviour
    {
        static ZegoRoomBridgeRunner current;
        NetworkReachability lastReachability;

        // Every Play session starts clean, also with "Enter Play Mode Options" (domain reload off).
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        static void ResetForPlaySession()
        {
            ZegoExpressEngine.ResetStatics();
            ZegoRoomBridgeSettings.Reset();
            HostHooks.Reset();
            current = null;
            HostHooks.IsEditor = Application.isEditor;
            HostHooks.IsWebGLPlayer = Application.platform == RuntimePlatform.WebGLPlayer;
            HostHooks.IsDevelopmentBuild = Debug.isDebugBuild;   // true in the Editor; a player's "Development Build"
            HostHooks.StartTicking = EnsureRunner;
#if ZRB_PUERTS
            HostHooks.DefaultScriptHost = PuertsScriptHost.CreateDefault;
#endif
        }

        static void EnsureRunner()
        {
            if (current != null) return;
            var go = new GameObject("ZegoRoomBridge") { hideFlags = HideFlags.HideInHierarchy };
            DontDestroyOnLoad(go);
            current = go.AddComponent<ZegoRoomBridgeRunner>();
            if (HostHooks.IsEditor && ZegoRoomSimulator.IsActive && HostHooks.EditorShowDebugPanel != null && HostHooks.EditorShowDebugPanel())
                go.AddComponent<ZegoRoomDebugPanel>();
        }

        void Start()
        {
            lastReachability = Application.internetReachability;
        }

        void Update()
        {
            var e = ZegoExpressEngine.GetEngine();
            if (e == null)
            {
                ZegoExpressEngine.TickInstance();   // answers owed after DestroyEngine still arrive
                return;
            }
            // Back online: retry now instead of at the next backoff step (native SDKs do the same).
            var reach = Application.internetReachability;
            if (reach != lastReachability)
            {
                lastReachability = reach;
                e.SetNetworkReachable(reach != NetworkReachability.NotReachable);
            }
            e.Tick();
        }

        void OnApplicationPause(bool paused)
        {
            ZegoExpressEngine.GetEngine()?.OnApplicationPause(paused);
        }

        // Play-mode exit and quitting release the JS env the bridge created (not one the app handed over).
        void OnDestroy()
        {
            if (current == this) current = null;
            ZegoExpressEngine.DestroyEngine();
        }
    }
}
