using System.IO;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace ZegoRoomBridge.Editor
{
    /// <summary>
    /// WebGL builds: stops a build PuerTS's packer would leave without the bridge (a project path containing
    /// "Editor" or "node_modules"; a template that names ZegoExpressWebRTC.js without having it), copies the
    /// package's core.mjs and webgl.mjs (sim.mjs with ZRB_SIMULATOR_IN_PLAYER, dev.mjs in a Development Build) to Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/ so the packer
    /// (which reads only Assets/**/Resources) bundles them, and removes the copies again. Decisions and file
    /// work: WebGLCoreCopy (plain C#, tested outside Unity).
    ///
    /// Clean-up, three ways, because IPostprocessBuildWithReport runs only after a successful build:
    /// OnPostprocessBuild (success; it runs after PuerTS's packer, order 2); an EditorApplication.update hook
    /// registered before copying, which waits until BuildPipeline.isBuildingPlayer is false (a failed or
    /// cancelled build, scripted builds included — BuildPlayerWindow.RegisterBuildPlayerHandler would cover
    /// only the Build Settings window and replace another package's handler); and at Editor start, for a
    /// build the Editor did not survive, with a warning.
    /// </summary>
    [InitializeOnLoad]
    sealed class ZegoRoomBridgeWebGLBuild : IPreprocessBuildWithReport, IPostprocessBuildWithReport
    {
        static ZegoRoomBridgeWebGLBuild()
        {
            EditorApplication.delayCall += RemoveStaleCopies;
        }

        // Pre-build after PuerTS's own; post-build after PuerTS's packer (PuertsWebglBuildProcessing, order 2).
        public int callbackOrder => 1000;

        static string ProjectRoot => Path.GetDirectoryName(Application.dataPath);

        public void OnPreprocessBuild(BuildReport report)
        {
            if (report.summary.platform != BuildTarget.WebGL) return;

            var pathProblem = WebGLCoreCopy.ProjectPathProblem(Application.dataPath);
            if (pathProblem != null) throw new BuildFailedException(pathProblem);
            CheckTemplate();

            // Registered before the first copy, so a build that fails from here on still cleans up.
            EditorApplication.update -= CleanUpAfterBuild;
            EditorApplication.update += CleanUpAfterBuild;
            // sim.mjs too only when the project asks (ZRB_SIMULATOR_IN_PLAYER): a player never carries the simulator unasked;
            // dev.mjs (ZegoRoomBridgeSettings.DevServer) only in a Development Build, the only player that may run it.
            var development = (report.summary.options & BuildOptions.Development) != 0;
            foreach (var key in WebGLCoreCopy.ModulesFor(PlayerSettings.GetScriptingDefineSymbolsForGroup(BuildTargetGroup.WebGL), development))
            {
                var source = SourcePath(key);
                var destination = Path.Combine(ProjectRoot, WebGLCoreCopy.DestinationOf(key));
                var plan = WebGLCoreCopy.Decide(
                    true,
                    source != null && File.Exists(source) ? File.ReadAllText(source) : null,
                    File.Exists(destination) ? File.ReadAllText(destination) : null);
                switch (plan.Action)
                {
                    case WebGLCoreCopyAction.SourceMissing:
                        throw new BuildFailedException("zego-room-bridge: the package has no Runtime/Resources/" + key + " (reinstall the package)");
                    case WebGLCoreCopyAction.Copy:
                        Directory.CreateDirectory(Path.GetDirectoryName(destination));
                        File.Copy(source, destination, true);
                        Debug.Log("zego-room-bridge: copied " + key + " to " + WebGLCoreCopy.DestinationOf(key) + " for PuerTS's WebGL packer (removed after the build)");
                        break;
                }
            }
        }

        public void OnPostprocessBuild(BuildReport report)
        {
            if (report.summary.platform != BuildTarget.WebGL) return;
            WebGLCoreCopy.RemoveCopies(ProjectRoot);
        }

        static void CheckTemplate()
        {
            var setting = PlayerSettings.WebGL.template;
            string indexHtml = null;
            var present = false;
            if (setting != null && setting.StartsWith("PROJECT:"))
            {
                var folder = Path.Combine(Application.dataPath, "WebGLTemplates", setting.Substring("PROJECT:".Length));
                var index = Path.Combine(folder, "index.html");
                indexHtml = File.Exists(index) ? File.ReadAllText(index) : null;
                present = File.Exists(Path.Combine(folder, WebGLCoreCopy.WebSdkFile));
            }
            var check = WebGLCoreCopy.CheckTemplate(setting, indexHtml, present);
            if (check.StopsBuild) throw new BuildFailedException(check.Message);
            if (check.Message != null) Debug.LogWarning(check.Message);
        }

        static void CleanUpAfterBuild()
        {
            if (BuildPipeline.isBuildingPlayer) return;
            EditorApplication.update -= CleanUpAfterBuild;
            if (WebGLCoreCopy.RemoveCopies(ProjectRoot).Count > 0) AssetDatabase.Refresh();
        }

        static void RemoveStaleCopies()
        {
            if (BuildPipeline.isBuildingPlayer) return;
            var removed = WebGLCoreCopy.RemoveCopies(ProjectRoot);
            if (removed.Count == 0) return;
            Debug.LogWarning(WebGLCoreCopy.StaleCopyWarning(removed));
            AssetDatabase.Refresh();
        }

        static string SourcePath(string moduleKey)
        {
            var package = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(ZegoExpressEngine).Assembly);
            return package == null ? null : Path.Combine(package.resolvedPath, "Runtime", "Resources", moduleKey);
        }
    }
}
