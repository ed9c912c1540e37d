using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>The database server stopped by its operator (a fast shutdown drops every connection) and started again.</summary>
public sealed class PostgresShutdown(PostgresServer server) : IStoreOutage
{
    private bool _down;

    public string Description => "PostgreSQL stopped with pg_ctl stop -m fast";

    public async Task BeginAsync()
    {
        await server.ShutDownAsync();
        _down = true;
    }

    public async Task EndAsync()
    {
        await server.StartAgainAsync();
        _down = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_down)
        {
            await EndAsync();
        }
    }
}
