using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CustomerEngine.LoadTests.Tests;

/// <summary>The tool as a user runs it, in a process of its own, stopped by a signal.</summary>
public sealed class ToolStopTests
{
    private const int SigTerm = 15;

    [Theory]
    [InlineData("in-process")]
    [InlineData("process")]
    public async Task Sigterm_ends_the_tool_and_the_engine_it_started(string engine)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "CustomerEngine.LoadTests.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { tool, "ingest", "--duration", "300s", "--warmup", "0s", "--rate", "200", "--customers", "200", "--engine", engine })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var posting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains(" errors ", StringComparison.Ordinal) == true)
            {
                posting.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await posting.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var child = EngineStartedBy(process.Id);
            Assert.Equal(engine == "process", child is not null);
            Assert.Equal(0, Kill(process.Id, SigTerm));

            // Before the fix the engine inside stopped, and the tool posted on for the 300 s; an
            // engine in its own process outlived the tool.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(patience.Token);
            if (child is { } engineId)
            {
                var deadline = Stopwatch.StartNew();
                while (IsRunning(engineId) && deadline.Elapsed < TimeSpan.FromSeconds(15))
                {
                    await Task.Delay(100);
                }

                Assert.False(IsRunning(engineId), $"the engine's process {engineId} outlived the tool:{Environment.NewLine}{Captured()}");
            }
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            Assert.Fail($"the tool was still running 30 s after SIGTERM (or never started posting):{Environment.NewLine}{Captured()}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        string Captured()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    // The host process the tool started, found by its parent in /proc.
    private static int? EngineStartedBy(int toolId)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var id) && Stat(id) is { } stat && stat.ParentId == toolId
                && ReadOrEmpty(Path.Combine(entry, "cmdline")).Contains("CustomerEngine.Host.dll", StringComparison.Ordinal))
            {
                return id;
            }
        }

        return null;
    }

    // Gone, or a zombie waiting for whoever inherited it to reap it.
    private static bool IsRunning(int id) => Stat(id) is { State: not 'Z' };

    private static (char State, int ParentId)? Stat(int id)
    {
        var stat = ReadOrEmpty($"/proc/{id}/stat");
        var afterName = stat.LastIndexOf(')');
        if (afterName < 0)
        {
            return null;
        }

        var fields = stat[(afterName + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
