namespace CustomerEngine.Host.Tests.Support;

/// <summary>One engine shared by the tests of a class; tests use distinct customer ids.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public EngineFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        EngineFactory.DeleteDatabase(Factory.DatabasePath);
    }
}
