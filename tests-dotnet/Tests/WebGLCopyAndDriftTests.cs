// The WebGL pre-build copy decision, and the drift check: the generated C# against the loaded core.mjs.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.ClearScript;
using NUnit.Framework;
using ZegoRoomBridge.Editor;
using A = ZegoRoomBridge.Editor.WebGLCoreCopyAction;

namespace ZegoRoomBridge.Tests
{
    public class WebGLCoreCopyTests
    {
        [Test]
        public void NotWebGL_NothingToDo() =>
            Assert.That(WebGLCoreCopy.Decide(false, "core", null).Action, Is.EqualTo(A.NotNeeded));

        [Test]
        public void WebGL_NoCopyYet_CopiesAndRemovesItAfterTheBuild()
        {
            var plan = WebGLCoreCopy.Decide(true, "core", null);
            Assert.That((plan.Action, plan.RemoveAfterBuild), Is.EqualTo((A.Copy, true)));
        }

        [Test]
        public void WebGL_SameCopyLeftOver_UsedAndRemovedAfterTheBuild()
        {
            var plan = WebGLCoreCopy.Decide(true, "core", "core");
            Assert.That((plan.Action, plan.RemoveAfterBuild), Is.EqualTo((A.AlreadyInPlace, true)));
        }

        [Test]
        public void WebGL_StaleCopyPresent_ReplacedAndRemovedAfterTheBuild()
        {
            var plan = WebGLCoreCopy.Decide(true, "core v2", "core v1");
            Assert.That((plan.Action, plan.RemoveAfterBuild), Is.EqualTo((A.Copy, true)));
        }

        [Test]
        public void WebGL_PackageWithoutCoreMjs_StopsTheBuild() =>
            Assert.That(WebGLCoreCopy.Decide(true, null, null).Action, Is.EqualTo(A.SourceMissing));

        [Test]
        public void TheDestination_IsCollectedByThePuertsPacker_UnderTheKeyNativeLoadsToo()
        {
            Assert.That(WebGLCoreCopy.IsCollectedByPuertsPacker(WebGLCoreCopy.Destination), Is.True);
            Assert.That(WebGLCoreCopy.PackerKey(WebGLCoreCopy.Destination), Is.EqualTo("ZegoRoomBridge/core.mjs"));
        }

        [TestCase("Packages/com.zegoroombridge.core/Runtime/Resources/ZegoRoomBridge/core.mjs", TestName = "a package path is not collected")]
        [TestCase("Assets/Editor/Resources/ZegoRoomBridge/core.mjs", TestName = "an Editor path is not collected")]
        [TestCase("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.js", TestName = "a .js file is not collected")]
        [TestCase("Assets/ZegoRoomBridge/ZegoRoomBridge/core.mjs", TestName = "a file outside Resources is not collected")]
        public void PathsThePackerSkips(string path) =>
            Assert.That(WebGLCoreCopy.IsCollectedByPuertsPacker(path), Is.False);
    }

    /// <summary>PuerTS's packer drops every file whose absolute path contains "Editor" or "node_modules" (substring, case-sensitive).</summary>
    public class WebGLProjectPathTests
    {
        [TestCase("/home/dev/Game/Assets", null, TestName = "a plain path builds")]
        [TestCase("C:/Users/dev/Projects/Game/Assets", null, TestName = "a Windows path builds")]
        [TestCase("/home/dev/editor/Game/Assets", null, TestName = "lower-case editor builds (the packer's test is case-sensitive)")]
        [TestCase("/home/dev/Editor/Game/Assets", "Editor", TestName = "a folder named Editor stops the build")]
        [TestCase("/Users/me/UnityEditorProjects/Game/Assets", "Editor", TestName = "Editor inside a folder name stops the build (substring)")]
        [TestCase(@"D:\Work\Editor\Game\Assets", "Editor", TestName = "a Windows path with backslashes and Editor stops the build")]
        [TestCase("/home/dev/web/node_modules/game/Assets", "node_modules", TestName = "node_modules stops the build")]
        public void ProjectPathRows(string assetsPath, string word)
        {
            var problem = WebGLCoreCopy.ProjectPathProblem(assetsPath);
            if (word == null) { Assert.That(problem, Is.Null); return; }
            Assert.That(problem, Does.Contain("this project is at \"" + assetsPath + "\", whose path contains \"" + word + "\""));
            Assert.That(problem, Does.Contain("Move or rename the project folder"));
            Assert.That(problem, Does.Contain("CreateEngine would fail in the player"));
        }
    }

    /// <summary>Copies under Assets/, found and removed on a real file system (a temporary project).</summary>
    public class WebGLCopyFilesTests
    {
        string project;

        [SetUp] public void MakeProject() { project = Path.Combine(Path.GetTempPath(), "zrb-project-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(Path.Combine(project, "Assets")); }
        [TearDown] public void RemoveProject() => Directory.Delete(project, true);

        void Write(string relative, string text = "x")
        {
            var full = Path.Combine(project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full));
            File.WriteAllText(full, text);
        }

        bool Exists(string relative) => File.Exists(Path.Combine(project, relative)) || Directory.Exists(Path.Combine(project, relative));

        [Test]
        public void NoCopies_NothingFound_NothingRemoved()
        {
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.Empty);
            Assert.That(WebGLCoreCopy.RemoveCopies(project), Is.Empty);
            Assert.That(Exists("Assets"), Is.True);
        }

        [Test]
        public void AStaleSimulatorCopy_IsFoundAndRemovedLikeTheOthers()
        {
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/sim.mjs");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/sim.mjs.meta");
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.EqualTo(new[] { "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/sim.mjs" }));
            var removed = WebGLCoreCopy.RemoveCopies(project);
            Assert.That(removed.Take(2), Is.EqualTo(new[]
            {
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/sim.mjs", "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/sim.mjs.meta",
            }));
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.Empty);
        }

        [Test]
        public void AStaleDevCopy_IsFoundAndRemovedLikeTheOthers()
        {
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/dev.mjs");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/dev.mjs.meta");
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.EqualTo(new[] { "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/dev.mjs" }));
            Assert.That(WebGLCoreCopy.RemoveCopies(project).Take(2), Is.EqualTo(new[]
            {
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/dev.mjs", "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/dev.mjs.meta",
            }));
            Assert.That(Exists("Assets/ZegoRoomBridge"), Is.False, "and the folders the copy step made");
        }

        [Test]
        public void StaleCopies_AreFound_ThenRemovedWithTheirMetaAndTheFoldersTheStepMade()
        {
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs.meta");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/webgl.mjs");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge.meta");
            Write("Assets/ZegoRoomBridge/Resources.meta");
            Write("Assets/ZegoRoomBridge.meta");
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.EqualTo(new[]
            {
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs", "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/webgl.mjs",
            }));
            var removed = WebGLCoreCopy.RemoveCopies(project);
            Assert.That(removed, Is.EqualTo(new[]
            {
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs", "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs.meta",
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/webgl.mjs",
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge", "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge.meta",
                "Assets/ZegoRoomBridge/Resources", "Assets/ZegoRoomBridge/Resources.meta",
                "Assets/ZegoRoomBridge", "Assets/ZegoRoomBridge.meta",
            }));
            Assert.That(Directory.GetFileSystemEntries(Path.Combine(project, "Assets")), Is.Empty);
            Assert.That(WebGLCoreCopy.FindCopies(project), Is.Empty);
        }

        [Test]
        public void AFolderWithTheAppsOwnFiles_IsKept()
        {
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs");
            Write("Assets/ZegoRoomBridge/MySettings.asset");
            Assert.That(WebGLCoreCopy.RemoveCopies(project), Is.EqualTo(new[]
            {
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs",
                "Assets/ZegoRoomBridge/Resources/ZegoRoomBridge", "Assets/ZegoRoomBridge/Resources",
            }));
            Assert.That(Exists("Assets/ZegoRoomBridge/MySettings.asset"), Is.True);
        }

        [Test]
        public void TheStaleCopyWarning_NamesTheModulesAndWhyTheyWentAway()
        {
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs");
            Write("Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs.meta");
            var warning = WebGLCoreCopy.StaleCopyWarning(WebGLCoreCopy.RemoveCopies(project));
            Assert.That(warning, Does.StartWith("zego-room-bridge: removed Assets/ZegoRoomBridge/Resources/ZegoRoomBridge/core.mjs, left in Assets/ by a WebGL build"));
            Assert.That(warning, Does.Contain("would shadow the package's module"));
            Assert.That(warning, Does.Not.Contain(".meta"));
        }
    }

    /// <summary>The selected WebGL template: is the Web SDK on the page?</summary>
    public class WebGLTemplateCheckTests
    {
        const string SamplePage = "<head><script src=\"ZegoExpressWebRTC.js\"></script></head>";

        [Test]
        public void TheSampleWithItsSdkFile_SaysNothing() =>
            Assert.That(WebGLCoreCopy.CheckTemplate("PROJECT:ZegoRoomBridge", SamplePage, true).Message, Is.Null);

        [Test]
        public void TheSampleWithoutItsSdkFile_StopsTheBuildWithTheCommand()
        {
            var check = WebGLCoreCopy.CheckTemplate("PROJECT:ZegoRoomBridge", SamplePage, false);
            Assert.That(check.StopsBuild, Is.True);
            Assert.That(check.Message, Does.Contain("`npx zego-room-bridge webgl-sdk --out Assets/WebGLTemplates/ZegoRoomBridge`"));
        }

        [Test]
        public void UnitysBuiltInTemplate_Warns()
        {
            var check = WebGLCoreCopy.CheckTemplate("APPLICATION:Default", null, false);
            Assert.That(check.StopsBuild, Is.False);
            Assert.That(check.Message, Does.Contain("Unity's built-in \"APPLICATION:Default\""));
            Assert.That(check.Message, Does.Contain("\"WebGL template\" sample"));
        }

        [Test]
        public void AProjectTemplateWithoutTheWebSdk_Warns()
        {
            var check = WebGLCoreCopy.CheckTemplate("PROJECT:Mine", "<head></head>", false);
            Assert.That(check.StopsBuild, Is.False);
            Assert.That(check.Message, Does.Contain("Assets/WebGLTemplates/Mine does not appear to load the ZEGO Web SDK"));
        }

        [Test]
        public void AProjectTemplateLoadingTheSdkItsOwnWay_SaysNothing() =>
            Assert.That(WebGLCoreCopy.CheckTemplate("PROJECT:Mine", "<script src=\"https://cdn.example/zego-express-engine-webrtc/x.js\"></script>", false).Message, Is.Null);

        [Test]
        public void TheSampleTemplateInThisPackage_NamesTheSdkFile()
        {
            var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
            var page = File.ReadAllText(Path.Combine(repo, "unity-plugin", "Samples~", "WebGLTemplate", "index.html"));
            Assert.That(WebGLCoreCopy.CheckTemplate("PROJECT:ZegoRoomBridge", page, false).StopsBuild, Is.True);
            Assert.That(WebGLCoreCopy.CheckTemplate("PROJECT:ZegoRoomBridge", page, true).Message, Is.Null);
        }
    }

    public class DriftTests
    {
        static readonly string Repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));

        V8ScriptHost host;

        [OneTimeSetUp] public void Load() => host = new V8ScriptHost();
        [OneTimeTearDown] public void Unload() => host.Dispose();

        Dictionary<string, int> TsEnum(string name)
        {
            var obj = (ScriptObject)host.Export(name);
            return obj.PropertyNames.Select(k => (k, v: obj.GetProperty(k)))
                .Where(p => p.v is int || p.v is double).ToDictionary(p => p.k, p => Convert.ToInt32(p.v));
        }

        [TestCase(typeof(ZegoRoomStateChangedReason))]
        [TestCase(typeof(ZegoRoomState))]
        [TestCase(typeof(ZegoUpdateType))]
        [TestCase(typeof(ZegoRoomMode))]
        public void CSharpEnum_EqualsTheLoadedCore(Type csEnum)
        {
            var cs = Enum.GetNames(csEnum).ToDictionary(n => n, n => (int)Enum.Parse(csEnum, n));
            Assert.That(cs, Is.EquivalentTo(TsEnum(csEnum.Name)));
        }

        [Test]
        public void ErrorCodes_EqualTheLoadedCore()
        {
            var cs = typeof(ZegoErrorCode).GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name, f => (int)f.GetValue(null));
            Assert.That(cs, Is.EquivalentTo(TsEnum("ZegoErrorCode")));
            Assert.That(ZegoRoomBridgeDefines.LOGIN_CANCELLED_ERROR_CODE, Is.EqualTo(Convert.ToInt32(host.Export("LOGIN_CANCELLED_ERROR_CODE"))));
            Assert.That(BridgeProtocol.Version, Is.EqualTo(Convert.ToInt32(host.Export("BRIDGE_PROTOCOL_VERSION"))));
        }

        [Test]
        public void TheTestsLoadTheCoreTheBuildWrote()
        {
            var built = File.ReadAllText(Path.Combine(Repo, "unity-plugin", "Runtime", "Resources", "ZegoRoomBridge", "core.mjs"));
            Assert.That(File.ReadAllText(Path.Combine(V8ScriptHost.CoreDirectory, "core.mjs")), Is.EqualTo(built));
        }
    }

    /// <summary>ZegoWebGLMapping (generated) against WEBGL_ROOM_MAPPING of the built webgl.mjs, and its documented rows.</summary>
    public class WebGLMappingTests
    {
        ScriptObject table;
        Microsoft.ClearScript.V8.V8ScriptEngine engine;

        [OneTimeSetUp]
        public void Load()
        {
            engine = new Microsoft.ClearScript.V8.V8ScriptEngine();
            engine.DocumentSettings.AccessFlags = Microsoft.ClearScript.DocumentAccessFlags.EnableFileLoading;
            engine.DocumentSettings.SearchPath = V8ScriptHost.CoreDirectory;
            engine.Execute("globalThis.setTimeout = () => 0; globalThis.clearTimeout = () => {}; globalThis.console = { log() {}, warn() {}, error() {} };");
            engine.Execute(new Microsoft.ClearScript.DocumentInfo { Category = Microsoft.ClearScript.JavaScript.ModuleCategory.Standard },
                "import { WEBGL_ROOM_MAPPING } from './webgl.mjs'; globalThis.t = WEBGL_ROOM_MAPPING;");
            table = (ScriptObject)engine.Script.t;
        }

        [OneTimeTearDown] public void Unload() => engine.Dispose();

        static IEnumerable<(string key, ScriptObject obj)> Entries(ScriptObject o) =>
            o.PropertyNames.Select(k => (k, o.GetProperty(k) as ScriptObject));

        [Test]
        public void EveryReasonStateAndUpdateType_EqualsTheTable()
        {
            var reasons = (ScriptObject)table.GetProperty("reason");
            foreach (var k in reasons.PropertyNames)
            {
                Assert.That(ZegoWebGLMapping.ToNativeReason(k, out var r), Is.True, k);
                Assert.That((int)r, Is.EqualTo(Convert.ToInt32(reasons.GetProperty(k))), k);
            }
            var states = (ScriptObject)table.GetProperty("state");
            foreach (var k in states.PropertyNames)
            {
                Assert.That(ZegoWebGLMapping.ToNativeState(k, out var st), Is.True, k);
                Assert.That((int)st, Is.EqualTo(Convert.ToInt32(states.GetProperty(k))), k);
            }
            Assert.That(ZegoWebGLMapping.ToNativeUpdateType("DELETE", out var u) && u == ZegoUpdateType.Delete, Is.True);
            Assert.That(ZegoWebGLMapping.ToNativeReason("NOT_A_REASON", out _), Is.False);
        }

        [Test]
        public void EveryCodeRowOfEveryContext_EqualsTheTable()
        {
            var contexts = Entries((ScriptObject)table.GetProperty("code")).ToList();
            Assert.That(contexts.Select(c => c.key.ToLowerInvariant()), Is.EqualTo(Enum.GetNames(typeof(ZegoWebGLCodeContext)).Select(n => n.ToLowerInvariant())));
            foreach (var (key, rows) in contexts)
            {
                var ctx = (ZegoWebGLCodeContext)Enum.Parse(typeof(ZegoWebGLCodeContext), key, true);
                foreach (var web in rows.PropertyNames)
                    Assert.That(ZegoWebGLMapping.ToNativeCode(ctx, int.Parse(web)), Is.EqualTo(Convert.ToInt32(rows.GetProperty(web))), key + " " + web);
            }
        }

        [TestCase("RECONNECTING", 1000017, ZegoRoomStateChangedReason.Reconnecting, 1002051, TestName = "RECONNECTING 1000017 → Reconnecting 1002051")]
        [TestCase("LOGIN_FAILED", 1102016, ZegoRoomStateChangedReason.LoginFailed, 1002033, TestName = "LOGIN_FAILED 1102016 → LoginFailed 1002033")]
        [TestCase("RECONNECT_FAILED", 1102018, ZegoRoomStateChangedReason.ReconnectFailed, 1002033, TestName = "RECONNECT_FAILED 1102018 → ReconnectFailed 1002033")]
        [TestCase("KICKOUT", 1102018, ZegoRoomStateChangedReason.KickOut, 1002056, TestName = "KICKOUT 1102018 → KickOut 1002056 (token expired)")]
        [TestCase("KICKOUT", 1002050, ZegoRoomStateChangedReason.KickOut, 1002050, TestName = "KICKOUT 1002050 keeps its code")]
        [TestCase("LOGINED", 0, ZegoRoomStateChangedReason.Logined, 0, TestName = "LOGINED 0 → Logined 0")]
        [TestCase("LOGOUT", 1000017, ZegoRoomStateChangedReason.Logout, 1000017, TestName = "a code outside a mapped context passes through")]
        public void RawWebRoomStateChanged_ToNative(string webReason, int webCode, ZegoRoomStateChangedReason reason, int code)
        {
            Assert.That(ZegoWebGLMapping.ToNative(webReason, webCode, out var r, out var c), Is.True);
            Assert.That((r, c), Is.EqualTo((reason, code)));
        }
    }
}
