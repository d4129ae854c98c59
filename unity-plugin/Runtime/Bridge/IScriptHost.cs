using System;

namespace ZegoRoomBridge
{
    /// <summary>
    /// The JS side as the shim sees it (docs/BOUNDARY.md): the core's string exports and a timer pump. PuerTS implements it in Unity (PuertsScriptHost); the .NET tests implement it over V8.
    /// Every member is called on the main thread only.
    /// </summary>
    public interface IScriptHost : IDisposable
    {
        /// <summary>core.mjs bridgeInvoke(requestJson): one request, answered synchronously.</summary>
        string Invoke(string requestJson);
        /// <summary>core.mjs bridgeDrain(): every event since the last call, as a JSON array.</summary>
        string Drain();
        /// <summary>Runs due JS timers (PuerTS: ScriptEnv.Tick()). Called once per frame before Drain.</summary>
        void Tick();
    }

    /// <summary>
    /// A host that can also say how many events are waiting (core.mjs bridgePending()), checked every frame
    /// before Drain so a quiet frame makes no string. Optional, so an IScriptHost written before it still
    /// works: a host without it is drained every frame.
    /// </summary>
    public interface IScriptHostPending : IScriptHost
    {
        /// <summary>How many events Drain would return; a host that cannot tell returns a positive number.</summary>
        int Pending();
    }
}
