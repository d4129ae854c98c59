using System.Runtime.CompilerServices;

// The Editor assembly sets the Play-mode simulator preference; the Native assembly logs through BridgeLog.
[assembly: InternalsVisibleTo("ZegoRoomBridge.Editor")]
[assembly: InternalsVisibleTo("ZegoRoomBridge.Native")]
