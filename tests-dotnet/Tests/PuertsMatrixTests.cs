// Every PuerTS setup Unity can hand the runtime assembly either compiles PuertsScriptHost.cs or stops with
// the #error that names the fix. The define sets are the runtime asmdef's versionDefines (read from the
// asmdef, so a new versionDefine grows the matrix) × the platforms' own defines, plus the hand-defined
// Assets/ setups listed in Documentation~/puerts-setup.md. Each compiles with Roslyn against stubs of
// PuerTS's public signatures (PuertsStubs/<tag>/<assembly>, written from the Unity_v2.2.3 / Unity_v3.0.2 sources).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace ZegoRoomBridge.Tests
{
    public class PuertsMatrixTests : TestBase
    {
        static readonly string Repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
        static readonly string HostSource = Path.Combine(Repo, "unity-plugin", "Runtime", "Unity", "PuertsScriptHost.cs");
        static readonly string RuntimeAsmdef = Path.Combine(Repo, "unity-plugin", "Runtime", "ZegoRoomBridge.asmdef");
        static readonly string SetupDoc = Path.Combine(Repo, "unity-plugin", "Documentation~", "puerts-setup.md");
        static readonly string StubRoot = Path.Combine(Repo, "tests-dotnet", "PuertsStubs");

        const string CorePackage = "com.tencent.puerts.core";

        /// <summary>The package version every stubbed tag ships (its package.json; 2.2.3 still says 2.2.2).</summary>
        static readonly Dictionary<string, string> TagVersions = new Dictionary<string, string>
        {
            ["Unity_v2.2.3"] = "2.2.2",
            ["Unity_v3.0.2"] = "3.0.2",
        };

        // The #error texts a user reads (Roslyn reports them as CS1029 "#error: '<text>'").
        const string NoCoreDefine = "zego-room-bridge: a ZRB_PUERTS_* define is set but ZRB_PUERTS is not: add ZRB_PUERTS to Scripting Define Symbols (PuerTS copied into Assets/, see Documentation~/puerts-setup.md)";
        const string BothLines = "zego-room-bridge: both ZRB_PUERTS_2 and ZRB_PUERTS_3 are defined: keep the one matching your PuerTS (com.tencent.puerts.core 2.x or 3.x)";
        const string UnsupportedCore = "zego-room-bridge: this com.tencent.puerts.core version is not supported (2.x and 3.x are); PuerTS copied into Assets/: add ZRB_PUERTS_2 or ZRB_PUERTS_3 to Scripting Define Symbols";
        const string BackendWith2x = "zego-room-bridge: com.tencent.puerts.v8 / .quickjs / .nodejs are PuerTS 3.x packages but com.tencent.puerts.core is 2.x: install one PuerTS line (PuerTS copied into Assets/: ZRB_PUERTS_V8 / _QUICKJS / _NODEJS are for 3.x only)";
        const string WebGLPlayerNeedsWebGL = "zego-room-bridge: a WebGL player needs PuerTS's WebGL support: install com.tencent.puerts.webgl (the same version as com.tencent.puerts.core); PuerTS copied into Assets/: also add ZRB_PUERTS_WEBGL";
        const string PlayerNeedsBackend = "zego-room-bridge: PuerTS 3.x has no JS backend for this player: install com.tencent.puerts.v8 (or com.tencent.puerts.quickjs / com.tencent.puerts.nodejs); PuerTS copied into Assets/: also add ZRB_PUERTS_V8 (or ZRB_PUERTS_QUICKJS / ZRB_PUERTS_NODEJS)";
        const string EditorNoBackend = "no JS backend for PuerTS 3.x: install com.tencent.puerts.v8 (or com.tencent.puerts.quickjs / com.tencent.puerts.nodejs); PuerTS copied into Assets/: also add ZRB_PUERTS_V8 (or ZRB_PUERTS_QUICKJS / ZRB_PUERTS_NODEJS) to Scripting Define Symbols";

        public sealed class Platform
        {
            public readonly string Name;
            public readonly bool Editor;
            public readonly bool WebGL;
            public readonly string[] Defines;

            public Platform(string name, bool editor, bool webgl, params string[] defines)
            {
                Name = name;
                Editor = editor;
                WebGL = webgl;
                // Unity 2021.3+ (the package's minimum) always sets these; PuerTS's IL2CPP classes need the first.
                Defines = defines.Concat(new[] { "UNITY_2020_1_OR_NEWER", "UNITY_2021_3_OR_NEWER" }).ToArray();
            }

            public override string ToString() => Name;
        }

        /// <summary>What Unity defines for the runtime assembly: the Editor (either build target) and each kind of player.</summary>
        static readonly Platform[] Platforms =
        {
            new Platform("Editor", true, false, "UNITY_EDITOR"),
            new Platform("Editor, WebGL target", true, true, "UNITY_EDITOR", "UNITY_WEBGL"),
            new Platform("WebGL player", false, true, "UNITY_WEBGL", "ENABLE_IL2CPP"),
            new Platform("Mono player", false, false),
            new Platform("IL2CPP player", false, false, "ENABLE_IL2CPP"),
        };

        static Platform PlatformNamed(string name) => Platforms.Single(p => p.Name == name);

        // ---- the asmdef's versionDefines -----------------------------------------------------------

        sealed class VersionDefine
        {
            public string Package, Expression, Define;
        }

        static readonly List<VersionDefine> VersionDefines = JObject.Parse(File.ReadAllText(RuntimeAsmdef))["versionDefines"]
            .Select(v => new VersionDefine { Package = (string)v["name"], Expression = (string)v["expression"], Define = (string)v["define"] })
            .ToList();

        static Version ParseVersion(string text) => Version.Parse(text.Trim().Split('-')[0]);

        /// <summary>Unity's versionDefines expression: "x" means x or later; otherwise an interval such as "[2.0.0,3.0.0)" or "[x]".</summary>
        static bool Matches(string expression, Version version)
        {
            expression = expression.Trim();
            if (expression[0] != '[' && expression[0] != '(') return version >= ParseVersion(expression);
            var lowInclusive = expression[0] == '[';
            var highInclusive = expression[expression.Length - 1] == ']';
            var parts = expression.Substring(1, expression.Length - 2).Split(',');
            if (parts.Length == 1) return version == ParseVersion(parts[0]);
            var low = parts[0].Trim();
            var high = parts[1].Trim();
            if (low.Length > 0 && (lowInclusive ? version < ParseVersion(low) : version <= ParseVersion(low))) return false;
            if (high.Length > 0 && (highInclusive ? version > ParseVersion(high) : version >= ParseVersion(high))) return false;
            return true;
        }

        static IEnumerable<string> Bounds(string expression) =>
            expression.Trim('[', ']', '(', ')', ' ').Split(',').Select(b => b.Trim()).Where(b => b.Length > 0);

        static SortedSet<string> DefinesAt(string package, Version version) =>
            new SortedSet<string>(VersionDefines.Where(v => v.Package == package && Matches(v.Expression, version)).Select(v => v.Define), StringComparer.Ordinal);

        static IEnumerable<string> StubbedVersions(string package) =>
            TagVersions.Where(t => Directory.Exists(Path.Combine(StubRoot, t.Key, package))).Select(t => t.Value);

        /// <summary>Every distinct set of defines one package can contribute: not installed, then one per version range its expressions tell apart.</summary>
        static List<SortedSet<string>> OptionsFor(string package)
        {
            var candidates = new[] { "0.0.0" }
                .Concat(VersionDefines.Where(v => v.Package == package).SelectMany(v => Bounds(v.Expression)))
                .Concat(StubbedVersions(package))
                .Select(ParseVersion).Distinct();
            var options = new List<SortedSet<string>> { new SortedSet<string>(StringComparer.Ordinal) };
            foreach (var version in candidates)
            {
                var set = DefinesAt(package, version);
                if (!options.Any(o => o.SetEquals(set))) options.Add(set);
            }
            return options;
        }

        /// <summary>The cross product of every package's options: each define set the asmdef can produce.</summary>
        static List<SortedSet<string>> AsmdefDefineSets()
        {
            var sets = new List<SortedSet<string>> { new SortedSet<string>(StringComparer.Ordinal) };
            foreach (var package in VersionDefines.Select(v => v.Package).Distinct())
            {
                sets = (from set in sets
                        from option in OptionsFor(package)
                        select new SortedSet<string>(set.Concat(option), StringComparer.Ordinal)).ToList();
            }
            return sets;
        }

        /// <summary>The define lists of the "PuerTS copied into Assets/" table in Documentation~/puerts-setup.md.</summary>
        static List<SortedSet<string>> DocumentedAssetsSetups()
        {
            var text = File.ReadAllText(SetupDoc);
            var section = text.Substring(text.IndexOf("## PuerTS copied into Assets/", StringComparison.Ordinal));
            section = section.Substring(0, section.IndexOf("\n## ", 5, StringComparison.Ordinal));
            return Regex.Matches(section, @"^\|[^|]+\|\s*`([A-Z0-9_;]+)`\s*\|\s*$", RegexOptions.Multiline)
                .Select(m => new SortedSet<string>(m.Groups[1].Value.Split(';'), StringComparer.Ordinal))
                .ToList();
        }

        static string Describe(IEnumerable<string> defines) => defines.Any() ? string.Join(";", defines) : "no PuerTS";

        static IEnumerable<TestCaseData> AsmdefRows() =>
            from set in AsmdefDefineSets()
            from platform in Platforms
            select new TestCaseData(set.ToArray(), platform.Name).SetName("asmdef " + Describe(set) + ", " + platform.Name);

        /// <summary>The documented Assets/ setups, and the hand-defined mistakes users make (the old docs' 3.x advice among them).</summary>
        static IEnumerable<TestCaseData> HandDefinedRows()
        {
            var mistakes = new[]
            {
                new[] { "ZRB_PUERTS", "ZRB_PUERTS_3" },
                new[] { "ZRB_PUERTS" },
                new[] { "ZRB_PUERTS_3", "ZRB_PUERTS_V8" },
                new[] { "ZRB_PUERTS", "ZRB_PUERTS_2", "ZRB_PUERTS_3" },
            }.Select(m => new SortedSet<string>(m, StringComparer.Ordinal));
            return from set in DocumentedAssetsSetups().Concat(mistakes)
                   from platform in Platforms
                   select new TestCaseData(set.ToArray(), platform.Name).SetName("Assets/ " + Describe(set) + ", " + platform.Name);
        }

        /// <summary>The rule the file promises: which setups cannot run, and the text that says so.</summary>
        static string ExpectedError(ICollection<string> d, Platform p)
        {
            bool core = d.Contains("ZRB_PUERTS"), two = d.Contains("ZRB_PUERTS_2"), three = d.Contains("ZRB_PUERTS_3");
            bool backend = d.Contains("ZRB_PUERTS_V8") || d.Contains("ZRB_PUERTS_QUICKJS") || d.Contains("ZRB_PUERTS_NODEJS");
            bool webgl = d.Contains("ZRB_PUERTS_WEBGL");
            if (!core) return two || three || backend || webgl ? NoCoreDefine : null;
            if (two && three) return BothLines;
            if (!two && !three) return UnsupportedCore;
            if (two && backend) return BackendWith2x;
            if (p.WebGL && !p.Editor && !webgl) return WebGLPlayerNeedsWebGL;
            if (three && !p.Editor && !p.WebGL && !backend) return PlayerNeedsBackend;
            return null;
        }

        // ---- compiling -----------------------------------------------------------------------------

        /// <summary>.NET's core library plus this test assembly, which holds the package's IScriptHost, ZegoRoomBridgeException and ZegoErrorCode.</summary>
        static readonly MetadataReference[] BaseReferences = new[]
            {
                typeof(object).Assembly.Location,
                Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location), "System.Runtime.dll"),
                typeof(IScriptHost).Assembly.Location,
            }
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();

        static CSharpParseOptions ParseOptions(IEnumerable<string> symbols) =>
            new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: symbols);   // Unity 2021.3 compiles C# 9

        static readonly CSharpCompilationOptions LibraryOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);

        static readonly Dictionary<string, Dictionary<string, CSharpCompilation>> StubCache = new Dictionary<string, Dictionary<string, CSharpCompilation>>();

        /// <summary>A tag's stub assemblies compiled as a player of that platform would compile PuerTS: core first, the others referencing it.</summary>
        static Dictionary<string, CSharpCompilation> StubAssemblies(string tag, Platform platform)
        {
            var key = tag + "|" + platform.Name;
            if (StubCache.TryGetValue(key, out var cached)) return cached;
            var result = new Dictionary<string, CSharpCompilation>();
            CSharpCompilation Compile(string assembly, IEnumerable<MetadataReference> extra)
            {
                var trees = Directory.GetFiles(Path.Combine(StubRoot, tag, assembly), "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions(platform.Defines), f));
                var compilation = CSharpCompilation.Create(assembly, trees, BaseReferences.Concat(extra), LibraryOptions);
                var errors = compilation.GetDiagnostics().Where(x => x.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0) throw new AssertionException("stub " + tag + "/" + assembly + " (" + platform.Name + ") does not compile:\n" + string.Join("\n", errors));
                return compilation;
            }
            var core = Compile(CorePackage, Array.Empty<MetadataReference>());
            result[CorePackage] = core;
            foreach (var dir in Directory.GetDirectories(Path.Combine(StubRoot, tag)).Select(Path.GetFileName).Where(n => n != CorePackage).OrderBy(n => n, StringComparer.Ordinal))
                result[dir] = Compile(dir, new[] { core.ToMetadataReference() });
            StubCache[key] = result;
            return result;
        }

        /// <summary>The tag whose core package version sets exactly the row's core defines; null when no stubbed PuerTS does (then nothing is referenced).</summary>
        static string CoreTag(ICollection<string> defines)
        {
            var coreDefines = VersionDefines.Where(v => v.Package == CorePackage).Select(v => v.Define).ToList();
            var wanted = defines.Where(coreDefines.Contains).ToList();
            return TagVersions
                .Where(t => Directory.Exists(Path.Combine(StubRoot, t.Key, CorePackage)))
                .Where(t => DefinesAt(CorePackage, ParseVersion(t.Value)).SetEquals(wanted) && wanted.Count > 0)
                .Select(t => t.Key)
                .FirstOrDefault();
        }

        /// <summary>The PuerTS assemblies a project with these defines has: its core's tag, and each package one of the defines stands for.</summary>
        static List<CSharpCompilation> PuertsAssemblies(ICollection<string> defines, Platform platform)
        {
            var tag = CoreTag(defines);
            if (tag == null) return new List<CSharpCompilation>();
            var installed = new HashSet<string>(VersionDefines.Where(v => defines.Contains(v.Define)).Select(v => v.Package)) { CorePackage };
            // A package without a stub under the core's tag cannot sit beside that core (PuerTS's packages pin core's version).
            return StubAssemblies(tag, platform).Where(s => installed.Contains(s.Key)).Select(s => s.Value).ToList();
        }

        static CSharpCompilation CompileHost(ICollection<string> defines, Platform platform)
        {
            var symbols = defines.Concat(platform.Defines).ToArray();
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(HostSource), ParseOptions(symbols), HostSource);
            var references = BaseReferences.Concat(PuertsAssemblies(defines, platform).Select(c => (MetadataReference)c.ToMetadataReference()));
            return CSharpCompilation.Create("ZegoRoomBridge.PuertsMatrix", new[] { tree }, references, LibraryOptions);
        }

        static List<Diagnostic> Errors(CSharpCompilation compilation) =>
            compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        static void AssertOutcome(string[] defines, string platformName)
        {
            var platform = PlatformNamed(platformName);
            var compilation = CompileHost(defines, platform);
            var errors = Errors(compilation);
            var expected = ExpectedError(defines, platform);
            if (expected == null)
            {
                Assert.That(errors, Is.Empty, "should compile:\n" + string.Join("\n", errors));
                var warnings = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
                Assert.That(warnings, Is.Empty, "Unity's Console would show:\n" + string.Join("\n", warnings));   // e.g. 3.x's obsolete JsEnv
                Assert.That(compilation.GetTypeByMetadataName("ZegoRoomBridge.PuertsScriptHost") != null, Is.EqualTo(defines.Contains("ZRB_PUERTS")),
                    "PuertsScriptHost exists exactly when PuerTS is there");
            }
            else
            {
                Assert.That(errors.Select(e => e.Id + " " + e.GetMessage()), Is.EqualTo(new[] { "CS1029 #error: '" + expected + "'" }));
            }
        }

        [TestCaseSource(nameof(AsmdefRows))]
        public void EveryAsmdefDefineSet_CompilesOrStopsWithItsError(string[] defines, string platform) => AssertOutcome(defines, platform);

        [TestCaseSource(nameof(HandDefinedRows))]
        public void EveryHandDefinedSetup_CompilesOrStopsWithItsError(string[] defines, string platform) => AssertOutcome(defines, platform);

        // The two setups users reported, and what they get now (both were compile errors naming no fix).
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_QUICKJS" }, "Editor", null, TestName = "3.x with only the QuickJS backend compiles (was CS1503: 3.x JsEnv is no ScriptEnv)")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_NODEJS" }, "IL2CPP player", null, TestName = "3.x with only the Node.js backend compiles for a player")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8" }, "WebGL player", "com.tencent.puerts.webgl", TestName = "3.x WebGL player without the webgl package names it (was CS0234)")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3" }, "Mono player", "com.tencent.puerts.v8", TestName = "3.x copied into Assets/ with the old documented defines names the backend define")]
        public void ReportedSetups(string[] defines, string platform, string named)
        {
            var errors = Errors(CompileHost(defines, PlatformNamed(platform)));
            if (named == null) Assert.That(errors, Is.Empty, string.Join("\n", errors));
            else Assert.That(errors.Single().GetMessage(), Does.StartWith("#error: 'zego-room-bridge: ").And.Contains("install " + named));
        }

        [Test]
        public void TheMatrixCoversEveryPackageInASetupThatCompiles()
        {
            var sets = AsmdefDefineSets();
            Assert.That(OptionsFor(CorePackage).Select(Describe), Is.EqualTo(new[] { "no PuerTS", "ZRB_PUERTS", "ZRB_PUERTS;ZRB_PUERTS_2", "ZRB_PUERTS;ZRB_PUERTS_3" }),
                "core: absent, a version outside 2.x/3.x, 2.x, 3.x");
            Assert.That(sets.Count, Is.EqualTo(VersionDefines.Select(v => v.Package).Distinct().Aggregate(1, (n, p) => n * OptionsFor(p).Count)));
            foreach (var define in VersionDefines.Select(v => v.Define))
            {
                foreach (var platform in Platforms)
                {
                    Assert.That(sets.Any(s => s.Contains(define) && ExpectedError(s, platform) == null), Is.True,
                        define + " is in no setup that compiles for " + platform.Name);
                }
            }
            Assert.That(DocumentedAssetsSetups(), Has.Count.EqualTo(7), "the documented Assets/ table");
            foreach (var setup in DocumentedAssetsSetups())
                Assert.That(ExpectedError(setup, PlatformNamed("Editor")), Is.Null, "a documented setup compiles in the Editor: " + Describe(setup));
        }

        [Test]
        public void EveryStubAssemblyCompilesOnEveryPlatform()
        {
            foreach (var tag in TagVersions.Keys)
            foreach (var platform in Platforms)
                Assert.That(StubAssemblies(tag, platform).Keys, Does.Contain(CorePackage));
            Assert.That(StubAssemblies("Unity_v3.0.2", PlatformNamed("WebGL player"))["com.tencent.puerts.v8"].GetTypeByMetadataName("Puerts.BackendV8"), Is.Null,
                "PuerTS 3.x has no BackendV8 in a WebGL player");
            Assert.That(StubAssemblies("Unity_v3.0.2", PlatformNamed("Editor, WebGL target"))["com.tencent.puerts.v8"].GetTypeByMetadataName("Puerts.BackendV8"), Is.Not.Null);
        }

        // ---- running CreateDefault over the stubs ----------------------------------------------------

        /// <summary>Loads the compiled host and its stubs; everything else (the package types) resolves to this test assembly.</summary>
        sealed class StubLoadContext : AssemblyLoadContext
        {
            readonly Dictionary<string, byte[]> images;

            public StubLoadContext(Dictionary<string, byte[]> images) : base(isCollectible: true) { this.images = images; }

            protected override Assembly Load(AssemblyName name) =>
                images.TryGetValue(name.Name, out var image) ? LoadFromStream(new MemoryStream(image)) : null;
        }

        static byte[] Emit(CSharpCompilation compilation)
        {
            using (var stream = new MemoryStream())
            {
                var result = compilation.Emit(stream);
                Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
                return stream.ToArray();
            }
        }

        static Type LoadHostType(string[] defines, string platformName)
        {
            var platform = PlatformNamed(platformName);
            var images = PuertsAssemblies(defines, platform).ToDictionary(c => c.AssemblyName, Emit);
            var host = CompileHost(defines, platform);
            var context = new StubLoadContext(images);
            var assembly = context.LoadFromStream(new MemoryStream(Emit(host)));
            return assembly.GetType("ZegoRoomBridge.PuertsScriptHost");
        }

        static Func<IScriptHost> LoadCreateDefault(string[] defines, string platformName)
        {
            var method = LoadHostType(defines, platformName).GetMethod("CreateDefault");
            return (Func<IScriptHost>)Delegate.CreateDelegate(typeof(Func<IScriptHost>), method);
        }

        [TestCase("Editor", false, true)]
        [TestCase("Mono player", false, false)]
        [TestCase("Mono player", true, true)]
        [TestCase("IL2CPP player", false, false)]
        [TestCase("WebGL player", false, false)]
        [TestCase("WebGL player", true, true)]
        public void TheHostLoadsSimMjs_InTheEditor_AndInAPlayerOnlyWhenTheAppSetUseSimulator(string platform, bool useSimulator, bool loads)
        {
            var defines = platform == "WebGL player"
                ? new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_WEBGL" }
                : new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8" };
            var type = LoadHostType(defines, platform);
            Assert.That(type.GetField("SimulatorModulePath").GetValue(null), Is.EqualTo("ZegoRoomBridge/sim.mjs"));
            try
            {
                ZegoRoomBridgeSettings.UseSimulator = useSimulator;
                Assert.That(type.GetProperty("LoadsSimulator").GetValue(null), Is.EqualTo(loads));
            }
            finally { ZegoRoomBridgeSettings.UseSimulator = false; }
        }

        [TestCase("Editor", false, false, false)]
        [TestCase("Editor", true, false, true)]
        [TestCase("Editor, WebGL target", true, false, true)]
        [TestCase("Mono player", true, true, true)]
        [TestCase("Mono player", true, false, false)]
        [TestCase("IL2CPP player", false, true, false)]
        [TestCase("IL2CPP player", true, true, true)]
        [TestCase("WebGL player", true, true, true)]
        [TestCase("WebGL player", true, false, false)]
        public void TheHostLoadsDevMjs_WhenDevServerIsSet_InTheEditorAndDevelopmentBuilds(string platform, bool devServer, bool developmentBuild, bool loads)
        {
            var defines = platform.Contains("WebGL")
                ? new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_WEBGL" }
                : new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8" };
            var type = LoadHostType(defines, platform);
            Assert.That(type.GetField("DevModulePath").GetValue(null), Is.EqualTo("ZegoRoomBridge/dev.mjs"));
            try
            {
                ZegoRoomBridgeSettings.DevServer = devServer ? "ws://127.0.0.1:8787" : null;
                UnityEngine.Debug.isDebugBuild = developmentBuild;   // the Editor's is always true; a player's is "Development Build"
                Assert.That(type.GetProperty("LoadsDev").GetValue(null), Is.EqualTo(loads));
            }
            finally
            {
                ZegoRoomBridgeSettings.DevServer = null;
                UnityEngine.Debug.isDebugBuild = true;
            }
        }

        [TestCase("Editor", true)]
        [TestCase("Editor, WebGL target", true)]
        [TestCase("Mono player", true)]
        [TestCase("IL2CPP player", true)]
        [TestCase("WebGL player", false)]
        public void TheHostLoadsNativeMjs_EverywhereButAWebGLPlayer(string platform, bool loads)
        {
            var defines = platform.Contains("WebGL")
                ? new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_WEBGL" }
                : new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8" };
            var type = LoadHostType(defines, platform);
            Assert.That(type.GetField("NativeModulePath").GetValue(null), Is.EqualTo("ZegoRoomBridge/native.mjs"));
            Assert.That(type.GetProperty("LoadsNative").GetValue(null), Is.EqualTo(loads));
        }

        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_QUICKJS", "ZRB_PUERTS_NODEJS" }, "Editor", "stub Puerts.ScriptEnv(BackendV8)", TestName = "3.x default env: V8 first")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_QUICKJS", "ZRB_PUERTS_NODEJS" }, "Mono player", "stub Puerts.ScriptEnv(BackendNodeJS)", TestName = "3.x default env: Node.js before QuickJS")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_QUICKJS" }, "IL2CPP player", "stub Puerts.ScriptEnv(BackendQuickJS)", TestName = "3.x default env: QuickJS alone")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_WEBGL" }, "WebGL player", "stub Puerts.WebGL.MainEnv.Get()", TestName = "3.x WebGL player: the single MainEnv")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_V8", "ZRB_PUERTS_WEBGL" }, "Editor, WebGL target", "stub Puerts.ScriptEnv(BackendV8)", TestName = "3.x Editor with the WebGL target: its own V8 env")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_2" }, "Editor", "stub Puerts.JsEnv()", TestName = "2.x default env: JsEnv")]
        [TestCase(new[] { "ZRB_PUERTS", "ZRB_PUERTS_2", "ZRB_PUERTS_WEBGL" }, "WebGL player", "stub Puerts.WebGL.MainEnv.Get()", TestName = "2.x WebGL player: the single MainEnv")]
        public void CreateDefault_BuildsTheEnvOfThePlatform(string[] defines, string platform, string reached)
        {
            var createDefault = LoadCreateDefault(defines, platform);
            var ex = Assert.Throws<NotSupportedException>(() => createDefault());
            Assert.That(ex.Message, Is.EqualTo(reached));
        }

        [Test]
        public void EditorWith3xAndNoBackend_CreateEngineThrows1000017NamingThePackages()
        {
            HostHooks.IsEditor = true;
            HostHooks.DefaultScriptHost = LoadCreateDefault(new[] { "ZRB_PUERTS", "ZRB_PUERTS_3", "ZRB_PUERTS_WEBGL" }, "Editor");
            ZegoRoomBridgeSettings.UseSimulator = true;
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Does.StartWith("zego-room-bridge: CreateEngine failed (1000017): "));
            Assert.That(ex.Message, Does.EndWith(EditorNoBackend));
            // Said once: the host's own 1000017 is not wrapped in a second "could not load core.mjs".
            Assert.That(ex.Message.Split("CreateEngine failed").Length - 1, Is.EqualTo(1), ex.Message);
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }
    }
}
