using System;
using System.Collections.Generic;
using System.IO;

namespace ZegoRoomBridge.Editor
{
    public enum WebGLCoreCopyAction
    {
        /// <summary>Not a WebGL build: PuerTS loads core.mjs from the package through Resources.Load.</summary>
        NotNeeded,
        /// <summary>Copy the package's core.mjs to Destination before the build.</summary>
        Copy,
        /// <summary>Destination already holds the same bytes (a leftover of a build that could not clean up).</summary>
        AlreadyInPlace,
        /// <summary>The package has no core.mjs (a broken install): the build must stop.</summary>
        SourceMissing,
    }

    /// <summary>What the WebGL pre-build step does; the decision is plain C# so it is tested outside Unity.</summary>
    public struct WebGLCoreCopyPlan
    {
        public WebGLCoreCopyAction Action;
        /// <summary>Delete Destination (and its .meta) after the build: Assets/ never keeps a copy.</summary>
        public bool RemoveAfterBuild;
    }

    /// <summary>
    /// PuerTS's WebGL packer bundles only Assets/**/Resources/**/*.mjs|cjs (absolute paths without "Editor" or
    /// "node_modules" anywhere), so the modules inside this package would never reach a WebGL build; each is
    /// copied under Assets/ for the build, keyed as on native ("ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs"),
    /// and removed again: Assets/ never keeps a copy.
    /// </summary>
    public static class WebGLCoreCopy
    {
        public const string ModuleKey = "ZegoRoomBridge/core.mjs";
        public const string Destination = "Assets/ZegoRoomBridge/Resources/" + ModuleKey;
        /// <summary>Every module a WebGL build needs: the core, and the Web SDK driver that imports it.</summary>
        public static readonly string[] ModuleKeys = { ModuleKey, "ZegoRoomBridge/webgl.mjs" };
        /// <summary>The simulated room service: packed into a WebGL build only when the project asks (SimulatorInPlayerDefine).</summary>
        public const string SimulatorModuleKey = "ZegoRoomBridge/sim.mjs";
        /// <summary>
        /// The Scripting Define Symbol that packs sim.mjs into WebGL builds, for an app that sets
        /// ZegoRoomBridgeSettings.UseSimulator in a player (a demo page): without it a player cannot run the simulator at all.
        /// </summary>
        public const string SimulatorInPlayerDefine = "ZRB_SIMULATOR_IN_PLAYER";
        /// <summary>
        /// The local room server's driver (ZegoRoomBridgeSettings.DevServer): packed into every WebGL Development Build, never
        /// into a release build, where CreateEngine refuses DevServer anyway.
        /// </summary>
        public const string DevModuleKey = "ZegoRoomBridge/dev.mjs";
        /// <summary>Every module a build may copy, the order ModulesFor lists them in (what clean-up looks for).</summary>
        static readonly string[] EveryModuleKey = { ModuleKey, "ZegoRoomBridge/webgl.mjs", SimulatorModuleKey, DevModuleKey };

        /// <summary>The modules a release WebGL build copies, given the WebGL target's Scripting Define Symbols (";"-separated, as Unity stores them).</summary>
        public static string[] ModulesFor(string scriptingDefineSymbols) => ModulesFor(scriptingDefineSymbols, false);

        /// <summary>The modules a WebGL build copies: its Scripting Define Symbols, and whether it is a Development Build.</summary>
        public static string[] ModulesFor(string scriptingDefineSymbols, bool developmentBuild)
        {
            var simulator = false;
            foreach (var symbol in (scriptingDefineSymbols ?? "").Split(';', ','))
            {
                if (symbol.Trim() == SimulatorInPlayerDefine) simulator = true;
            }
            var modules = new List<string>(ModuleKeys);
            if (simulator) modules.Add(SimulatorModuleKey);
            if (developmentBuild) modules.Add(DevModuleKey);
            return modules.ToArray();
        }

        /// <summary>Where the build's copy of a module goes.</summary>
        public static string DestinationOf(string moduleKey) => "Assets/ZegoRoomBridge/Resources/" + moduleKey;

        /// <param name="sourceText">The package's core.mjs, or null when it is missing.</param>
        /// <param name="destinationText">What Destination holds now, or null when there is no file.</param>
        public static WebGLCoreCopyPlan Decide(bool targetIsWebGL, string sourceText, string destinationText)
        {
            if (!targetIsWebGL) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.NotNeeded };
            if (sourceText == null) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.SourceMissing };
            // Whatever is there is a leftover of an earlier build (nothing else writes this path); a copy left
            // in Assets/ would shadow the package's module in Resources.Load, so it goes after this build too.
            if (destinationText == sourceText) return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.AlreadyInPlace, RemoveAfterBuild = true };
            return new WebGLCoreCopyPlan { Action = WebGLCoreCopyAction.Copy, RemoveAfterBuild = true };
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

        /// <summary>
        /// The words PuerTS's packer (cmd.js buildForBrowser) rejects anywhere in a module's absolute path:
        /// <c>jsfile.indexOf('Editor') == -1 &amp;&amp; jsfile.indexOf('node_modules') == -1</c> — a case-sensitive
        /// substring test, not a folder-name test, so "/Users/me/UnityEditorProjects/Game" is rejected too.
        /// </summary>
        public static readonly string[] PackerRejectedWords = { "Editor", "node_modules" };

        /// <summary>
        /// Why PuerTS's packer would leave every module of this project out of a WebGL build (an empty bundle,
        /// then CreateEngine failing in the player), or null. <paramref name="assetsPath"/> is the absolute path
        /// of the project's Assets folder (Application.dataPath), the root the packer globs from.
        /// </summary>
        public static string ProjectPathProblem(string assetsPath)
        {
            if (string.IsNullOrEmpty(assetsPath)) return null;
            var absolute = assetsPath.Replace('\\', '/').TrimEnd('/') + "/" + DestinationOf(ModuleKey).Substring("Assets/".Length);
            foreach (var word in PackerRejectedWords)
            {
                if (absolute.IndexOf(word, StringComparison.Ordinal) < 0) continue;
                return "zego-room-bridge: this project is at \"" + assetsPath + "\", whose path contains \"" + word + "\". " +
                       "PuerTS's WebGL packer skips every file whose absolute path contains \"Editor\" or \"node_modules\" " +
                       "(anywhere, not only as a folder name), so core.mjs and webgl.mjs would be left out of the build and " +
                       "CreateEngine would fail in the player. Move or rename the project folder so its path contains neither word " +
                       "(for example C:/Projects/MyGame or ~/Projects/MyGame), then build again.";
            }
            return null;
        }

        /// <summary>Project-relative paths of the module copies present under Assets/ now.</summary>
        public static List<string> FindCopies(string projectRoot)
        {
            var found = new List<string>();
            foreach (var key in EveryModuleKey)
            {
                var destination = DestinationOf(key);
                if (File.Exists(Path.Combine(projectRoot, destination))) found.Add(destination);
            }
            return found;
        }

        /// <summary>
        /// Deletes every module copy under Assets/ with its .meta, then the folders the copy step made
        /// (Assets/ZegoRoomBridge/Resources/ZegoRoomBridge upwards) when they are left empty. Returns what was deleted.
        /// </summary>
        public static List<string> RemoveCopies(string projectRoot)
        {
            var removed = new List<string>();
            foreach (var destination in FindCopies(projectRoot))
            {
                DeleteWithMeta(projectRoot, destination, removed);
            }
            for (var folder = Path.GetDirectoryName(DestinationOf(ModuleKey)).Replace('\\', '/'); folder != "Assets"; folder = Path.GetDirectoryName(folder).Replace('\\', '/'))
            {
                var full = Path.Combine(projectRoot, folder);
                if (!Directory.Exists(full) || !IsEmpty(full)) break;
                Directory.Delete(full);
                removed.Add(folder);
                if (File.Exists(full + ".meta")) { File.Delete(full + ".meta"); removed.Add(folder + ".meta"); }
            }
            return removed;
        }

        static bool IsEmpty(string folder)
        {
            using (var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator()) return !entries.MoveNext();
        }

        static void DeleteWithMeta(string projectRoot, string relative, List<string> removed)
        {
            File.Delete(Path.Combine(projectRoot, relative));
            removed.Add(relative);
            var meta = Path.Combine(projectRoot, relative + ".meta");
            if (File.Exists(meta)) { File.Delete(meta); removed.Add(relative + ".meta"); }
        }

        /// <summary>The Console warning for copies found at Editor start (a build that ended before its clean-up).</summary>
        public static string StaleCopyWarning(IEnumerable<string> removed)
        {
            var modules = new List<string>();
            foreach (var path in removed) if (path.EndsWith(".mjs", StringComparison.Ordinal)) modules.Add(path);
            return "zego-room-bridge: removed " + string.Join(", ", modules) + ", left in Assets/ by a WebGL build that ended before its " +
                "clean-up (the Editor quit or crashed mid-build). A copy there would shadow the package's module of the same name in " +
                "Resources.Load, so the Editor and native players could run an older core.mjs. Each WebGL build copies the modules again " +
                "and removes them afterwards.";
        }

        /// <summary>The Web SDK file the WebGL template sample loads (made by `npx zego-room-bridge webgl-sdk`).</summary>
        public const string WebSdkFile = "ZegoExpressWebRTC.js";

        /// <summary>
        /// What the selected WebGL template means for the "web" driver. <paramref name="templateSetting"/> is
        /// PlayerSettings.WebGL.template ("APPLICATION:Default", "PROJECT:ZegoRoomBridge"); for a project template,
        /// <paramref name="indexHtml"/> is its index.html (null if missing) and <paramref name="webSdkFilePresent"/>
        /// whether ZegoExpressWebRTC.js is beside it. A page that names the SDK file without having it stops the
        /// build; a page that never loads the Web SDK only warns (an app may run the simulator on WebGL on purpose).
        /// </summary>
        public static WebGLTemplateCheck CheckTemplate(string templateSetting, string indexHtml, bool webSdkFilePresent)
        {
            const string command = "npx zego-room-bridge webgl-sdk --out Assets/WebGLTemplates/";
            var setting = templateSetting ?? "";
            var name = setting.StartsWith("PROJECT:", StringComparison.Ordinal) ? setting.Substring("PROJECT:".Length) : null;
            if (name == null)
            {
                return WebGLTemplateCheck.Warn("zego-room-bridge: the WebGL template is Unity's built-in \"" + setting +
                    "\", which does not load the ZEGO Web SDK, so CreateEngine will fail in the player (1000017). Import the package's " +
                    "\"WebGL template\" sample, move it to Assets/WebGLTemplates/ZegoRoomBridge, run `" + command + "ZegoRoomBridge` " +
                    "and pick it in Player Settings > Resolution and Presentation.");
            }
            if (indexHtml == null) return WebGLTemplateCheck.None;
            if (indexHtml.Contains(WebSdkFile) && !webSdkFilePresent)
            {
                return WebGLTemplateCheck.Stop("zego-room-bridge: the WebGL template Assets/WebGLTemplates/" + name + " loads " + WebSdkFile +
                    " but has no such file, so the player would have no Web SDK and CreateEngine would fail (1000017). Run `" +
                    command + name + "` where zego-express-engine-webrtc is installed, then build again.");
            }
            if (!indexHtml.Contains(WebSdkFile) && !indexHtml.Contains("ZegoExpressEngine") && !indexHtml.Contains("zego-express-engine-webrtc"))
            {
                return WebGLTemplateCheck.Warn("zego-room-bridge: the WebGL template Assets/WebGLTemplates/" + name +
                    " does not appear to load the ZEGO Web SDK; without window.ZegoExpressEngine CreateEngine fails in the player (1000017). " +
                    "Add <script src=\"" + WebSdkFile + "\"></script> to its <head> and run `" + command + name + "`.");
            }
            return WebGLTemplateCheck.None;
        }
    }

    /// <summary>The outcome of <see cref="WebGLCoreCopy.CheckTemplate"/>: nothing, a Console warning, or a failed build.</summary>
    public struct WebGLTemplateCheck
    {
        public bool StopsBuild;
        /// <summary>null when there is nothing to say.</summary>
        public string Message;

        public static readonly WebGLTemplateCheck None = new WebGLTemplateCheck();
        public static WebGLTemplateCheck Warn(string message) => new WebGLTemplateCheck { Message = message };
        public static WebGLTemplateCheck Stop(string message) => new WebGLTemplateCheck { StopsBuild = true, Message = message };
    }
}
