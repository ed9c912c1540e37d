using Microsoft.Extensions.Hosting;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The lifetime of the web hosts the tool starts in its own process (the engine, bare Kestrel, the
/// OTLP sink): it leaves Ctrl-C and SIGTERM to the runtime, which ends the tool. With the hosts'
/// default console lifetime they stopped only the engine inside the tool, and the tool went on
/// posting to it until its duration ran out.
/// </summary>
internal sealed class ToolOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
