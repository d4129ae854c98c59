// `node cli/zego-room-bridge.mjs …` as a child process of a test: its output lines kept (stdout and
// stderr, in arrival order), a bounded wait for a line, and a kill of the whole tree on Dispose.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ZegoRoomBridge.Tests
{
    public sealed class NodeProcess : IDisposable
    {
        public static readonly string Repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));

        readonly Process process;
        readonly List<string> lines = new List<string>();
        /// <summary>stdout and stderr both ended (null data): the process is gone and every line is in.</summary>
        int streamsEnded;
        bool Ended => streamsEnded == 2;

        NodeProcess(Process process) { this.process = process; }

        /// <summary>Starts the package's CLI with these arguments from the repository root.</summary>
        public static NodeProcess StartCli(params string[] arguments)
        {
            var info = new ProcessStartInfo("node")
            {
                WorkingDirectory = Repo,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine("cli", "zego-room-bridge.mjs"));
            foreach (var a in arguments) info.ArgumentList.Add(a);
            var process = new Process { StartInfo = info };
            var node = new NodeProcess(process);
            process.OutputDataReceived += (_, e) => node.Add(e.Data, null);
            process.ErrorDataReceived += (_, e) => node.Add(e.Data, "stderr: ");
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        void Add(string line, string prefix)
        {
            lock (lines)
            {
                if (line != null) lines.Add(prefix + line);
                else streamsEnded++;
                System.Threading.Monitor.PulseAll(lines);
            }
        }

        /// <summary>Every line so far (stderr lines start with "stderr: ").</summary>
        public string[] Lines
        {
            get { lock (lines) return lines.ToArray(); }
        }

        /// <summary>The process's output, for a failure message.</summary>
        public string Output => Lines.Length == 0 ? "(no output)" : string.Join("\n", Lines.TakeLast(30));

        /// <summary>
        /// The first match of <paramref name="pattern"/> over the output lines within <paramref name="timeout"/>;
        /// else null and <paramref name="why"/> says what happened instead (the process exited, or the time ran out).
        /// </summary>
        public Match WaitForLine(Regex pattern, TimeSpan timeout, out string why)
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (lines)
            {
                var seen = 0;
                while (true)
                {
                    for (; seen < lines.Count; seen++)
                    {
                        var match = pattern.Match(lines[seen]);
                        if (match.Success) { why = null; return match; }
                    }
                    if (Ended)
                    {
                        why = "node exited with code " + ExitCodeOrUnknown() + " before printing a line matching " + pattern;
                        return null;
                    }
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        why = "no line matching " + pattern + " within " + timeout.TotalSeconds + " s";
                        return null;
                    }
                    System.Threading.Monitor.Wait(lines, left);
                }
            }
        }

        string ExitCodeOrUnknown()
        {
            try { return process.WaitForExit(2000) ? process.ExitCode.ToString() : "? (still running with its output closed)"; }
            catch (InvalidOperationException) { return "?"; }
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException) { /* never started or already gone */ }
            process.Dispose();
        }
    }
}
