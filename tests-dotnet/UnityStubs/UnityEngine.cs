// The few UnityEngine types the package's plain C# and the Assets/ example use, so they compile and
// run under .NET. Debug records every line so tests can assert what a developer would see in the Console.
using System;
using System.Collections.Generic;

namespace UnityEngine
{
    public class Object { }

    public class Component : Object { }

    public class Behaviour : Component
    {
        public bool enabled = true;
    }

    public class MonoBehaviour : Behaviour { }

    [AttributeUsage(AttributeTargets.Field)]
    public sealed class SerializeField : Attribute { }

    [AttributeUsage(AttributeTargets.Field)]
    public sealed class HeaderAttribute : Attribute
    {
        public HeaderAttribute(string header) { }
    }

    public enum LogType { Error, Assert, Warning, Log, Exception }

    public static class Application
    {
        /// <summary>Settable here so tests can play a player build; Unity's is read-only.</summary>
        public static bool isEditor { get; set; } = true;
    }

    public static class Debug
    {
        public static readonly List<(LogType type, string message)> Lines = new List<(LogType, string)>();
        /// <summary>Settable here so tests can play a release build; Unity's is read-only (true in the Editor).</summary>
        public static bool isDebugBuild { get; set; } = true;

        public static void Log(object message) => Lines.Add((LogType.Log, message?.ToString()));
        public static void LogWarning(object message) => Lines.Add((LogType.Warning, message?.ToString()));
        public static void LogError(object message) => Lines.Add((LogType.Error, message?.ToString()));
        public static void LogException(Exception exception) => Lines.Add((LogType.Exception, exception?.ToString()));
    }
}

namespace UnityEngine
{
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class TooltipAttribute : Attribute
    {
        public TooltipAttribute(string tooltip) { }
    }
}
