using System;

namespace ZegoRoomBridge
{
    /// <summary>
    /// Thrown by ZegoExpressEngine.CreateEngine only, when the bridge cannot run at all (no usable room
    /// driver, no JS runtime, a core.mjs of another protocol). Everything after CreateEngine reports
    /// through ZEGO's callbacks instead.
    /// </summary>
    public sealed class ZegoRoomBridgeException : InvalidOperationException
    {
        /// <summary>ZEGO's code for the failure: 1000017 (CommonIllegalParam) for every CreateEngine failure.</summary>
        public int ErrorCode { get; }

        public ZegoRoomBridgeException(int errorCode, string message, Exception inner = null)
            : base(message, inner)
        {
            ErrorCode = errorCode;
        }
    }
}
