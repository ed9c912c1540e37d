using CustomerEngine.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// How the tool's own small servers (the bare Kestrel of <c>baseline</c>, the OTLP sink) are built.
/// </summary>
internal static class ToolHostOptions
{
    // By default a builder watches its content root, the working directory, and every folder
    // beneath it for changes to appsettings.json. The tool usually runs where the engine's files
    // are written, so every write of the store would wake that watcher, and its cost would be
    // counted against whatever the run measures. These servers read no settings files.
    public static WebApplicationOptions Create() => new()
    {
        ContentRootPath = AppContext.BaseDirectory,
        Args = [HostArguments.ReadSettingsOnce],
    };
}
