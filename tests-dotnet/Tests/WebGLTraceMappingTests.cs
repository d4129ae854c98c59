using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using ZegoRoomBridge.Editor;

namespace ZegoRoomBridge.Tests
{
    /// <summary>
    /// The same trace files jest replays through ZegoWebDriver (test/fixtures/webgl): wherever a trace has
    /// the Web SDK emit roomStateChanged and the app sees that reason at that moment, the generated C#
    /// ZegoWebGLMapping (for apps that receive raw Web reasons) must give the code the app sees.
    /// </summary>
    public class WebGLTraceMappingTests
    {
        static string FixtureDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "webgl");

        static IEnumerable<TestCaseData> Traces() =>
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "webgl"), "*.json").OrderBy(f => f)
                .Select(f => new TestCaseData(Path.GetFileName(f)).SetName("trace " + Path.GetFileNameWithoutExtension(f)));

        [Test]
        public void EveryTraceFileIsHere() =>
            Assert.That(Directory.GetFiles(FixtureDir, "*.json").Length, Is.GreaterThanOrEqualTo(20));

        [TestCaseSource(nameof(Traces))]
        public void GeneratedMappingAgreesWithTheTrace(string file)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, file)));
            var root = doc.RootElement;
            var expected = root.GetProperty("expect").GetProperty("app").EnumerateArray()
                .Where(e => e[1].GetString() == "state")
                .Select(e => (t: e[0].GetDouble(), room: e[2].GetString(), reason: e[3].GetString(), code: e[4].GetInt32()))
                .ToList();
            foreach (var step in root.GetProperty("steps").EnumerateArray())
            {
                if (!step.TryGetProperty("event", out var ev) || ev.GetString() != "roomStateChanged") continue;
                var args = step.GetProperty("args");
                var webReason = args[1].GetString();
                var webCode = args[2].GetInt32();
                Assert.That(ZegoWebGLMapping.ToNative(webReason, webCode, out var reason, out var code), Is.True, file + ": " + webReason);
                var at = step.GetProperty("at").GetDouble();
                var same = expected.Where(e => e.t == at && e.room == args[0].GetString() && e.reason == reason.ToString()).ToList();
                // The driver may move or fold an event (the 8-s hold, the 20-minute extension); where the app
                // sees the same reason at the same moment, the code must be the mapping's.
                foreach (var e in same) Assert.That(e.code, Is.EqualTo(code), $"{file} @{at}: {webReason} {webCode}");
            }
        }

        [Test]
        public void TheTracesPairEnoughWebEventsWithAppEvents()
        {
            var pairs = 0;
            foreach (var f in Directory.GetFiles(FixtureDir, "*.json"))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(f));
                var app = doc.RootElement.GetProperty("expect").GetProperty("app").EnumerateArray()
                    .Where(e => e[1].GetString() == "state").Select(e => (e[0].GetDouble(), e[3].GetString())).ToList();
                foreach (var step in doc.RootElement.GetProperty("steps").EnumerateArray())
                {
                    if (!step.TryGetProperty("event", out var ev) || ev.GetString() != "roomStateChanged") continue;
                    ZegoWebGLMapping.ToNativeReason(step.GetProperty("args")[1].GetString(), out var r);
                    if (app.Contains((step.GetProperty("at").GetDouble(), r.ToString()))) pairs++;
                }
            }
            Assert.That(pairs, Is.GreaterThanOrEqualTo(8));
        }

        [Test]
        public void EveryModuleAWebGLBuildNeedsIsCollectedByThePackerUnderItsNativeKey()
        {
            Assert.That(WebGLCoreCopy.ModuleKeys, Is.EqualTo(new[] { "ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs" }));
            foreach (var key in WebGLCoreCopy.ModuleKeys)
            {
                Assert.That(WebGLCoreCopy.IsCollectedByPuertsPacker(WebGLCoreCopy.DestinationOf(key)), Is.True, key);
                Assert.That(WebGLCoreCopy.PackerKey(WebGLCoreCopy.DestinationOf(key)), Is.EqualTo(key));
                Assert.That(File.Exists(Path.Combine(TestContext.CurrentContext.TestDirectory, "core", Path.GetFileName(key))), Is.True, key + " is built");
            }
        }

        [Test]
        public void AWebGLBuildPacksTheSimulatorOnlyWhenTheProjectDefinesZrbSimulatorInPlayer()
        {
            Assert.That(WebGLCoreCopy.ModulesFor(""), Is.EqualTo(WebGLCoreCopy.ModuleKeys));
            Assert.That(WebGLCoreCopy.ModulesFor(null), Is.EqualTo(WebGLCoreCopy.ModuleKeys));
            Assert.That(WebGLCoreCopy.ModulesFor("ZRB_PUERTS;ZRB_SIMULATOR_IN_PLAYERS"), Is.EqualTo(WebGLCoreCopy.ModuleKeys));
            Assert.That(WebGLCoreCopy.ModulesFor("ZRB_PUERTS;ZRB_SIMULATOR_IN_PLAYER"),
                Is.EqualTo(new[] { "ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs", "ZegoRoomBridge/sim.mjs" }));
            Assert.That(WebGLCoreCopy.IsCollectedByPuertsPacker(WebGLCoreCopy.DestinationOf(WebGLCoreCopy.SimulatorModuleKey)), Is.True);
            Assert.That(File.Exists(Path.Combine(TestContext.CurrentContext.TestDirectory, "core", "sim.mjs")), Is.True, "sim.mjs is built");
        }

        [Test]
        public void AWebGLDevelopmentBuildPacksDevMjs_AReleaseBuildNever()
        {
            Assert.That(WebGLCoreCopy.ModulesFor("", true), Is.EqualTo(new[] { "ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs", "ZegoRoomBridge/dev.mjs" }));
            Assert.That(WebGLCoreCopy.ModulesFor("ZRB_PUERTS;ZRB_SIMULATOR_IN_PLAYER", true),
                Is.EqualTo(new[] { "ZegoRoomBridge/core.mjs", "ZegoRoomBridge/webgl.mjs", "ZegoRoomBridge/sim.mjs", "ZegoRoomBridge/dev.mjs" }));
            foreach (var defines in new[] { "", "ZRB_PUERTS;ZRB_SIMULATOR_IN_PLAYER" })
            {
                Assert.That(WebGLCoreCopy.ModulesFor(defines, false), Has.None.EqualTo(WebGLCoreCopy.DevModuleKey), defines);
                Assert.That(WebGLCoreCopy.ModulesFor(defines), Is.EqualTo(WebGLCoreCopy.ModulesFor(defines, false)), defines);
            }
            Assert.That(WebGLCoreCopy.DevModuleKey, Is.EqualTo("ZegoRoomBridge/dev.mjs"));
            Assert.That(WebGLCoreCopy.IsCollectedByPuertsPacker(WebGLCoreCopy.DestinationOf(WebGLCoreCopy.DevModuleKey)), Is.True);
            Assert.That(WebGLCoreCopy.PackerKey(WebGLCoreCopy.DestinationOf(WebGLCoreCopy.DevModuleKey)), Is.EqualTo("ZegoRoomBridge/dev.mjs"),
                "the key PuertsScriptHost.DevModulePath loads");
        }

        [Test]
        public void AWebGLBuildNeverPacksNativeMjs_TheZegoUnitySdkDriver()
        {
            Assert.That(File.Exists(Path.Combine(TestContext.CurrentContext.TestDirectory, "core", "native.mjs")), Is.True, "native.mjs is built");
            foreach (var defines in new[] { "", "ZRB_PUERTS;ZRB_SIMULATOR_IN_PLAYER" })
            foreach (var development in new[] { false, true })
                Assert.That(WebGLCoreCopy.ModulesFor(defines, development), Has.None.EqualTo("ZegoRoomBridge/native.mjs"), defines);
        }
    }
}
