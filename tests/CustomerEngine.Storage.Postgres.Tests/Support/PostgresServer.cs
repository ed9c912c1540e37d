using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for this test run: <c>initdb</c> and <c>pg_ctl</c> on a temp
/// folder, listening on a free loopback port, started on first use and stopped and deleted after
/// the last test (<see cref="PostgresCollection"/>). Tests get databases of their own from it
/// (<see cref="TemporaryDatabase"/>). A test that takes the server down and brings it back (a
/// database outage) starts a dedicated one instead (<see cref="StartDedicatedAsync"/>), so no other
/// test sees the outage.
/// </summary>
/// <remarks>
/// <c>initdb</c> and <c>postgres</c> refuse to run as root, so as root they run as the
/// <c>postgres</c> user (which the Debian package creates) in a folder everyone may write. A
/// machine without PostgreSQL fails every test that needs it, saying how to install it: these
/// tests never skip. A server left behind by a test process that was killed is removed by the
/// next run.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string FolderPrefix = "ce-pg-";

    private static readonly Lock Gate = new();
    private static Task<PostgresServer>? _shared;

    private readonly string _binaries;
    private readonly string _root;
    private readonly string _settings;

    private PostgresServer(string binaries, string root, int port, string settings)
    {
        _binaries = binaries;
        _root = root;
        _settings = settings;
        Port = port;
        Admin = NpgsqlDataSource.Create(ConnectionStringFor("postgres", pooling: true));
    }

    public int Port { get; }

    /// <summary>Connections to the <c>postgres</c> database as the superuser, for creating and dropping databases.</summary>
    public NpgsqlDataSource Admin { get; }

    private string DataFolder => Path.Combine(_root, "data");

    /// <summary>The server of this test run, started by the first caller.</summary>
    public static Task<PostgresServer> GetAsync()
    {
        lock (Gate)
        {
            return _shared ??= Task.Run(StartAsync);
        }
    }

    /// <summary>A server of the caller's own, not shared with any other test; <see cref="DisposeAsync"/> stops and deletes it.</summary>
    public static Task<PostgresServer> StartDedicatedAsync() => Task.Run(StartAsync);

    /// <summary>Stops and deletes the server if one was started; a later <see cref="GetAsync"/> starts another.</summary>
    public static async Task StopAsync()
    {
        Task<PostgresServer>? started;
        lock (Gate)
        {
            started = _shared;
            _shared = null;
        }

        if (started is { IsCompletedSuccessfully: true })
        {
            (await started).StopAndDelete();
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on this server, as the superuser.</summary>
    public string ConnectionStringFor(string database, bool pooling = true) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    /// <summary>
    /// Takes the server down as an operator's fast shutdown does (<c>pg_ctl stop -m fast</c>): open
    /// transactions are rolled back and every connection is dropped. Returns once it is down.
    /// </summary>
    public Task ShutDownAsync() => RunAsync(_binaries, "pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the server again after <see cref="ShutDownAsync"/>, on the same port and data; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsync(_binaries, "pg_ctl", "-D", DataFolder, "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"), "-o", _settings, "start").ConfigureAwait(false);

        // Pooled connections from before the shutdown are dead.
        Admin.Clear();
    }

    /// <summary>Stops and deletes a server from <see cref="StartDedicatedAsync"/>; never call it on the shared one.</summary>
    public ValueTask DisposeAsync()
    {
        StopAndDelete();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        RemoveAbandonedServers(binaries);

        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);

        // The postgres user creates its data folder (mode 0700, its own) inside this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
        }

        var data = Path.Combine(root, "data");
        await RunAsync(binaries, "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync").ConfigureAwait(false);

        // Durability against power loss is not under test here, and fsyncs would make every
        // CREATE DATABASE and commit of the suite wait for a disk shared with other builds.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300");
            try
            {
                await RunAsync(binaries, "pg_ctl", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "server.log"), "-o", settings, "start").ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between the probe and the start.
                continue;
            }

            var server = new PostgresServer(binaries, root, port, settings);

            // Only for a run that ends without stopping the server (a crash, an abort).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.KillAndDelete();
            return server;
        }
    }

    private void StopAndDelete()
    {
        Admin.Dispose();
        StopServer(_binaries, DataFolder);
        DeleteFolder(_root);
    }

    // The test host may be killed soon after it starts exiting, so no pg_ctl here: the
    // postmaster's children quit by themselves once it is gone.
    private void KillAndDelete()
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        try
        {
            var processId = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            using var postmaster = Process.GetProcessById(processId);
            postmaster.Kill();
            postmaster.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            // Not running any more.
        }

        DeleteFolder(_root);
    }

    private static string FindBinaries()
    {
        const string Installed = "/usr/lib/postgresql";
        var binaries = Directory.Exists(Installed)
            ? Directory.GetDirectories(Installed)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return binaries ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed: no initdb and pg_ctl under {Installed}/*/bin. " +
            "Install it with `apt-get install -y postgresql` (./test.sh does it) and run the tests again.");
    }

    // A test process that was killed left its server running and its folder behind; the folder
    // name carries the process id, so a folder whose process is gone is abandoned.
    private static void RemoveAbandonedServers(string binaries)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var processId = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(processId, CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                StopServer(binaries, Path.Combine(folder, "data"));
                DeleteFolder(folder);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void StopServer(string binaries, string data)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        try
        {
            RunAsync(binaries, "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder goes anyway.
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's clean-up of abandoned servers.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string binaries, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };

        // PostgreSQL refuses to run as root; the Debian package's postgres user runs it instead.
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(binaries, tool)])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = Path.Combine(binaries, tool);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
