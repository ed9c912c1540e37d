namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>The host refuses to start on a store nobody chose.</summary>
public sealed class StorageProviderSelectionTests
{
    [Fact]
    public void An_unknown_storage_provider_fails_at_start_up_naming_the_providers()
    {
        using var factory = new EngineOnPostgresFactory("Host=127.0.0.1;Database=unused", provider: "Oracle");

        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Storage:Provider is 'Oracle'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite (the default) or Postgres", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_at_start_up_naming_the_setting()
    {
        using var factory = new EngineOnPostgresFactory(connectionString: "");

        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("ConnectionStrings:Engine is not set", failure.Message, StringComparison.Ordinal);
    }
}
