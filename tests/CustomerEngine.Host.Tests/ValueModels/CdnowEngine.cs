using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Host.Tests.ValueModels;

/// <summary>One engine holding the whole CDNOW sample, posted through the public event API.</summary>
public sealed class CdnowEngine : IAsyncLifetime
{
    public EngineFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.AdminClient();
        await Client.IngestInBatchesAsync(CdnowEvents.All());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        EngineFactory.DeleteDatabase(Factory.DatabasePath);
    }
}
