using System;

namespace ZegoRoomBridge.Editor
{
    public enum WebGLCoreCopyAction
    {
        /// <summary>Not a WebGL build: PuerTS loads core.mjs from the package through Resources.Load.</summary>
        NotNeeded,
        /// <summary>Copy the package's core.mjs to Destination before the build.</summary>
        Copy,
        /// <summary>Destination already holds the same bytes.</summary>
        AlreadyInPlace,
        /// <summary>The package has no core.mjs (a broken install): the build must stop.</summary>
        SourceMissing,
    }

    /// <summary>What the WebGL pre-build step does; the decision is plain C# so it is tested outside Unity.</summary>
    public struct WebGLCoreCopyPlan
    {
        public WebGLCoreCopyAction Action;
        /// <summary>True when the copy is the build's own: delete it (and its .meta) after the build.</summary>
        public bool RemoveAfterBuild;
    }

    /// <summary>
    /// PuerTS's WebGL packer bundles only Assets/**/Resources/**/*.mjs|cjs (paths without "Editor" or
    /// "node_modules"), so the modules inside this package would never reach a WebGL build; each is copied
    /// under Assets/ for the build, keyed as on native ("ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs").
    /// </summary>
    public static class WebGLCoreCopy
    {
        public const string ModuleKey = "ZegoRoomBridge/core.mjs";
        public const string Destination = "Assets/ZegoRoomBridge/Resources/" + ModuleKey;
        /// <summary>Every module a WebGL build needs: the core, and the Web SDK driver that imports it.</summary>
        public static readonly string[] ModuleKeys = { ModuleKey, "ZegoRoomBridge/webgl.mjs" };

        /// <summary>Where the build's copy of a module goes.</summary>
        public static string DestinationOf(string moduleKey) => "Assets/ZegoRoomBridge/Resources/" + moduleKey;

        /// <param name="sourceText">The package's core.mjs, or null when it is missing.</param>
        /// <param name="destinationText">What Destination holds now, or null when there is no file.</param>
        public static WebGLCoreCopyPlan Decide(bool targetIsWebGL, string sourceText, string destinationText)
        {
            if (!targetIsWebGL) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.NotNeeded };
            if (sourceText == null) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.SourceMissing };
            if (destinationText == sourceText) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.AlreadyInPlace };
            // A different file there (a stale copy of an older package): replace it, but it was not ours to delete.
            return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.Copy, RemoveAfterBuild = destinationText == null };
        }

        /// <summary>The packer's rule (PuertsWebglBuildProcessing + cmd.js buildForBrowser), for a project-relative path.</summary>
        public static bool IsCollectedByPuertsPacker(string path)
        {
            if (string.IsNullOrEmpty(path)) return false;
            var p = path.Replace('\\', '/');
            if (!p.StartsWith("Assets/", StringComparison.Ordinal) || !p.Contains("/Resources/")) return false;
            if (!(p.EndsWith(".mjs", StringComparison.Ordinal) || p.EndsWith(".cjs", StringComparison.Ordinal))) return false;
            return !p.Contains("Editor") && !p.Contains("node_modules");
        }

        /// <summary>The key the packer gives a file: the text after the last "Resources/", minus ".txt".</summary>
        public static string PackerKey(string path)
        {
            var p = path.Replace('\\', '/');
            var key = p.Substring(p.LastIndexOf("Resources/", StringComparison.Ordinal) + "Resources/".Length);
            return key.EndsWith(".txt", StringComparison.Ordinal) ? key.Substring(0, key.Length - 4) : key;
        }
    }
}
