using System;

namespace ZegoRoomBridge
{
    /// <summary>
    /// The JS side as the shim sees it (docs/BOUNDARY.md): the core's string exports, its pending count
    /// and a timer pump. PuerTS implements it in Unity (PuertsScriptHost); the .NET tests implement it over V8.
    /// Every member is called on the main thread only.
    /// </summary>
    public interface IScriptHost : IDisposable
    {
        /// <summary>core.mjs bridgeInvoke(requestJson): one request, answered synchronously.</summary>
        string Invoke(string requestJson);
        /// <summary>core.mjs bridgeDrain(): every event since the last call, as a JSON array.</summary>
        string Drain();
        /// <summary>
        /// core.mjs bridgePending(): how many events Drain would return. Checked every frame before Drain, so
        /// a quiet frame makes no string; a host that cannot tell returns a positive number (Drain every frame).
        /// </summary>
        int Pending();
        /// <summary>Runs due JS timers (PuerTS: ScriptEnv.Tick()). Called once per frame before Drain.</summary>
        void Tick();
    }
}
