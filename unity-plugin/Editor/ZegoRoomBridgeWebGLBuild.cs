using System.IO;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace ZegoRoomBridge.Editor
{
    /// <summary>
    /// WebGL builds: copies the package's core.mjs to Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/ so
    /// PuerTS's WebGL packer (which reads only Assets/**/Resources) bundles it; removes the copy after the
    /// packer ran, when the copy was the build's own. Decisions: WebGLCoreCopy (tested outside Unity).
    /// </summary>
    sealed class ZegoRoomBridgeWebGLBuild : IPreprocessBuildWithReport, IPostprocessBuildWithReport
    {
        static bool removeAfterBuild;

        // Pre-build early; post-build after PuerTS's packer (PuertsWebglBuildProcessing, order 0).
        public int callbackOrder => 1000;

        public void OnPreprocessBuild(BuildReport report)
        {
            removeAfterBuild = false;
            var source = SourcePath();
            var plan = WebGLCoreCopy.Decide(
                report.summary.platform == BuildTarget.WebGL,
                source != null && File.Exists(source) ? File.ReadAllText(source) : null,
                File.Exists(WebGLCoreCopy.Destination) ? File.ReadAllText(WebGLCoreCopy.Destination) : null);
            switch (plan.Action)
            {
                case WebGLCoreCopyAction.SourceMissing:
                    throw new BuildFailedException("zego-room-bridge: the package has no Runtime/Resources/" + WebGLCoreCopy.ModuleKey + " (reinstall the package)");
                case WebGLCoreCopyAction.Copy:
                    Directory.CreateDirectory(Path.GetDirectoryName(WebGLCoreCopy.Destination));
                    File.Copy(source, WebGLCoreCopy.Destination, true);
                    removeAfterBuild = plan.RemoveAfterBuild;
                    Debug.Log("zego-room-bridge: copied core.mjs to " + WebGLCoreCopy.Destination + " for PuerTS's WebGL packer");
                    break;
            }
        }

        public void OnPostprocessBuild(BuildReport report)
        {
            if (!removeAfterBuild) return;
            removeAfterBuild = false;
            File.Delete(WebGLCoreCopy.Destination);
            if (File.Exists(WebGLCoreCopy.Destination + ".meta")) File.Delete(WebGLCoreCopy.Destination + ".meta");
        }

        static string SourcePath()
        {
            var package = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(ZegoExpressEngine).Assembly);
            return package == null ? null : Path.Combine(package.resolvedPath, "Runtime", "Resources", WebGLCoreCopy.ModuleKey);
        }
    }
}
