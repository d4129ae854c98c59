using System;
using System.Text;
using UnityEngine;

namespace ZegoRoomBridge
{
    /// <summary>How much a line matters; each level goes to Unity's log call of the same weight.</summary>
    internal enum BridgeLogLevel
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>What a line is about, when known: the core's engine id and the room.</summary>
    internal readonly struct BridgeLogContext
    {
        public readonly string Engine;
        public readonly string Room;

        public BridgeLogContext(string engine, string room)
        {
            Engine = engine;
            Room = room;
        }

        public BridgeLogContext WithRoom(string room) => new BridgeLogContext(Engine, room);

        public bool IsEmpty => Engine == null && Room == null;
    }

    /// <summary>
    /// The package's one logger: the "zego-room-bridge: " prefix, the context and the stack traces are
    /// written here, and nowhere else. Lines go to Unity's Console (Debug.Log / LogWarning / LogError).
    /// </summary>
    internal static class BridgeLog
    {
        public const string Prefix = "zego-room-bridge: ";

        public static void Info(string message, BridgeLogContext context = default) => Write(BridgeLogLevel.Info, message, null, false, context);

        public static void Warn(string message, BridgeLogContext context = default) => Write(BridgeLogLevel.Warning, message, null, false, context);

        public static void Error(string message, BridgeLogContext context = default) => Write(BridgeLogLevel.Error, message, null, false, context);

        /// <summary>The bridge's or a host's failure: "message: Type: text", then the stack.</summary>
        public static void Error(string message, Exception failure, BridgeLogContext context = default) =>
            Write(BridgeLogLevel.Error, message, failure, false, context);

        /// <summary>The app's own code threw (a delegate, a callback): its full exception text, as the app would print it.</summary>
        public static void AppError(string message, Exception failure, BridgeLogContext context = default) =>
            Write(BridgeLogLevel.Error, message, failure, true, context);

        /// <summary>The text of a line, exactly as the Console shows it.</summary>
        internal static string Format(string message, Exception failure, bool fullName, BridgeLogContext context)
        {
            var text = new StringBuilder(Prefix).Append(message);
            if (failure != null) text.Append(": ").Append(fullName ? failure.ToString() : Describe(failure));
            if (!context.IsEmpty)
            {
                // Last, on a line of its own: the first line stays the message an app or a test looks for.
                text.Append("\n[");
                if (context.Engine != null) text.Append("engine ").Append(context.Engine);
                if (context.Engine != null && context.Room != null) text.Append(", ");
                if (context.Room != null) text.Append("room \"").Append(context.Room).Append('"');
                text.Append(']');
            }
            return text.ToString();
        }

        /// <summary>"Type: message", then the stack and any inner exceptions (BridgeJson.Describe is the first line only).</summary>
        internal static string Describe(Exception failure)
        {
            var text = new StringBuilder(BridgeJson.Describe(failure));
            var depth = 0;
            for (var e = failure; e != null && depth < 8; e = e.InnerException, depth++)
            {
                if (e != failure) text.Append("\n ---> ").Append(BridgeJson.Describe(e));
                if (!string.IsNullOrEmpty(e.StackTrace)) text.Append('\n').Append(e.StackTrace);
            }
            return text.ToString();
        }

        static void Write(BridgeLogLevel level, string message, Exception failure, bool fullName, BridgeLogContext context)
        {
            var line = Format(message, failure, fullName, context);
            switch (level)
            {
                case BridgeLogLevel.Info: Debug.Log(line); break;
                case BridgeLogLevel.Warning: Debug.LogWarning(line); break;
                default: Debug.LogError(line); break;
            }
        }
    }
}
