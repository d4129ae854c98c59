using System.Collections.Generic;
using System.IO;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace ZegoRoomBridge.Editor
{
    /// <summary>
    /// WebGL builds: copies the package's core.mjs and webgl.mjs to Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/
    /// so PuerTS's WebGL packer (which reads only Assets/**/Resources) bundles them; removes the copies after
    /// the packer ran, when they were the build's own. Decisions: WebGLCoreCopy (tested outside Unity).
    /// </summary>
    sealed class ZegoRoomBridgeWebGLBuild : IPreprocessBuildWithReport, IPostprocessBuildWithReport
    {
        static readonly List<string> removeAfterBuild = new List<string>();

        // Pre-build early; post-build after PuerTS's packer (PuertsWebglBuildProcessing, order 0).
        public int callbackOrder => 1000;

        public void OnPreprocessBuild(BuildReport report)
        {
            removeAfterBuild.Clear();
            foreach (var key in WebGLCoreCopy.ModuleKeys)
            {
                var source = SourcePath(key);
                var destination = WebGLCoreCopy.DestinationOf(key);
                var plan = WebGLCoreCopy.Decide(
                    report.summary.platform == BuildTarget.WebGL,
                    source != null && File.Exists(source) ? File.ReadAllText(source) : null,
                    File.Exists(destination) ? File.ReadAllText(destination) : null);
                switch (plan.Action)
                {
                    case WebGLCoreCopyAction.SourceMissing:
                        throw new BuildFailedException("zego-room-bridge: the package has no Runtime/Resources/" + key + " (reinstall the package)");
                    case WebGLCoreCopyAction.Copy:
                        Directory.CreateDirectory(Path.GetDirectoryName(destination));
                        File.Copy(source, destination, true);
                        if (plan.RemoveAfterBuild) removeAfterBuild.Add(destination);
                        Debug.Log("zego-room-bridge: copied " + key + " to " + destination + " for PuerTS's WebGL packer");
                        break;
                }
            }
        }

        public void OnPostprocessBuild(BuildReport report)
        {
            foreach (var destination in removeAfterBuild)
            {
                File.Delete(destination);
                if (File.Exists(destination + ".meta")) File.Delete(destination + ".meta");
            }
            removeAfterBuild.Clear();
        }

        static string SourcePath(string moduleKey)
        {
            var package = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(ZegoExpressEngine).Assembly);
            return package == null ? null : Path.Combine(package.resolvedPath, "Runtime", "Resources", moduleKey);
        }
    }
}
