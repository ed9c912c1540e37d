using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>
/// The engine as its own OS process, started the way an operator starts it, so it can be stopped
/// with a real signal or killed outright. Shared, as a linked file, by every test project that
/// needs a real process (the durability tests run it on either storage provider).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int KeptOutputLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the process, to tell a restarted host from the same one.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>A client of the host acting as the development admin key.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin-key");
        return client;
    }

    /// <summary>Starts the host on the SQLite file at <paramref name="databasePath"/>.</summary>
    public static Task<HostProcess> StartAsync(string databasePath) => StartAsync([$"--Storage:Path={databasePath}"]);

    /// <summary>Starts the host with these command-line settings (e.g. <c>--Storage:Provider=Postgres</c>) and waits until it is healthy.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyList<string> settings)
    {
        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "CustomerEngine.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string RecentOutput() => string.Join(Environment.NewLine, _output);

    /// <summary>Sends SIGTERM, as systemd or Ctrl-C would, and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        SendSigterm();
        return await WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM and returns at once: the host starts its graceful shutdown.</summary>
    public void SendSigterm() => Assert.Equal(0, Kill(_process.Id, SigTerm));

    /// <summary>Waits (up to a minute) for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits (up to 30 s) until the host refuses new connections: a stopping host closes its listener first.</summary>
    public async Task WaitUntilRefusingConnectionsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(Address.Host, Address.Port);
            }
            catch (SocketException)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the host still accepted connections 30 s after it was told to stop");
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the process with SIGKILL (<c>kill -9</c>): no shutdown code runs, as in a crash or a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"the host exited with code {(_process.HasExited ? _process.ExitCode : 0)} before it was healthy:{Environment.NewLine}{RecentOutput()}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the host did not become healthy within 60 s:{Environment.NewLine}{RecentOutput()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
