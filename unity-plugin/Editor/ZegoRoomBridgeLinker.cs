using System.IO;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEditor.UnityLinker;

namespace ZegoRoomBridge.Editor
{
    /// <summary>
    /// Hands the package's Runtime/link.xml to Unity's linker on every IL2CPP build. Unity reads link.xml
    /// files under Assets/ (and in embedded packages) by itself, but not inside a package installed from
    /// git or a registry, which lives in Library/PackageCache; IUnityLinkerProcessor is Unity's public way
    /// for a package to add one (Unity Scripting API: IUnityLinkerProcessor.GenerateAdditionalLinkXmlFile).
    /// </summary>
    sealed class ZegoRoomBridgeLinker : IUnityLinkerProcessor
    {
        public int callbackOrder => 0;

        public string GenerateAdditionalLinkXmlFile(BuildReport report, UnityLinkerBuildPipelineData data)
        {
            var package = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(ZegoRoomBridgeLinker).Assembly);
            var root = package != null ? package.resolvedPath : Path.GetFullPath("Packages/com.zegoroombridge.core");
            return Path.Combine(root, "Runtime", "link.xml");
        }

        // Members of the interface in Unity 2021.3 (marked obsolete later); nothing to do in them.
        public void OnBeforeRun(BuildReport report, UnityLinkerBuildPipelineData data) { }

        public void OnAfterRun(BuildReport report, UnityLinkerBuildPipelineData data) { }
    }
}
