using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CustomerEngine.LoadTests.Tests;

/// <summary>The tool as a user runs it, in a process of its own, stopped by a signal.</summary>
public sealed class ToolStopTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task Sigterm_ends_the_tool_with_the_engine_it_runs_in_its_process()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "CustomerEngine.LoadTests.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { tool, "ingest", "--duration", "300s", "--warmup", "0s", "--rate", "200", "--customers", "200" })
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
            Assert.Equal(0, Kill(process.Id, SigTerm));

            // Before the fix the engine inside stopped, and the tool posted on for the 300 s.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(patience.Token);
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
