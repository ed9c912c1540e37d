using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The real engine in a process of its own (<c>--engine process</c>), started from the host
/// assembly built beside this tool, over the same fresh store and throwaway key as
/// <see cref="InProcessEngine"/>. Latency figures then say what a dashboard on the same machine
/// sees: the engine's garbage collector no longer also collects the load generator's 50 WebSocket
/// clients and request bodies, and the generator's pauses no longer stop the engine.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly EngineSettings _settings;
    private readonly StringBuilder _output;
    private PosixSignalRegistration[] _signals = [];

    private EngineProcess(Process process, EngineSettings settings, StringBuilder output, Uri address)
    {
        _process = process;
        _settings = settings;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>An admin key made for this run only.</summary>
    public string ApiKey => _settings.ApiKey;

    public static async Task<EngineProcess> StartAsync(string storage = "sqlite", string? connection = null)
    {
        var settings = EngineSettings.Create(storage, connection);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CustomerEngine.Host.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (key, value) in settings.Values)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var engine = new EngineProcess(process, settings, output, address);

        // Ctrl-C or SIGTERM ends the tool at once, without disposing anything; the
        // engine it started must not outlive it, nor leave its throwaway store behind. The
        // handlers do not cancel the signal, so the tool still ends right after them.
        engine._signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => engine.StopWithTheTool()))];
        try
        {
            await engine.WaitUntilReadyAsync();
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still starting.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException(
            $"the engine process did not become ready within {StartTimeout.TotalSeconds:N0}s{(_process.HasExited ? $" (it exited with {_process.ExitCode})" : "")}; its output:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    // Only what the engine says before it is ready, or when it fails, is ever shown; a bounded
    // buffer keeps a chatty run from growing the tool's memory.
    private static void Keep(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void StopWithTheTool()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            _settings.DeleteFolder();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The tool is exiting anyway; a folder left in the temp directory is all this costs.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _settings.DeleteFolder();
    }
}
