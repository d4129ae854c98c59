using NUnit.Framework;

namespace ZegoRoomBridge.Tests
{
    /// <summary>Each test starts from a Play-session reset (as Unity does with domain reload off) and ends with DestroyEngine.</summary>
    public abstract class TestBase
    {
        [SetUp]
        public void ResetPlaySession()
        {
            ZegoExpressEngine.ResetStatics();
            ZegoRoomBridgeSettings.Reset();
            HostHooks.Reset();
            HostHooks.EditorSimulatorPreference = null;
            UnityEngine.Debug.Lines.Clear();
        }

        [TearDown]
        public void DestroyLeftovers()
        {
            ZegoExpressEngine.DestroyEngine();
        }
    }
}
