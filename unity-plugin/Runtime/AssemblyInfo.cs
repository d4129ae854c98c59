using System.Runtime.CompilerServices;

// The Editor assembly sets the Play-mode simulator preference; nothing else reaches inside.
[assembly: InternalsVisibleTo("ZegoRoomBridge.Editor")]
