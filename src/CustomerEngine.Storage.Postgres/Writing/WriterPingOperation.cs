using Npgsql;

namespace CustomerEngine.Storage.Postgres.Writing;

/// <summary>Changes nothing: its completion proves the writer loop is running and can reach the database and commit.</summary>
internal sealed class WriterPingOperation(CancellationToken cancellationToken) : WriteOperation<bool>(cancellationToken)
{
    public override NpgsqlBatchCommand CreateCommand() => new("SELECT 1");

    public override ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        Succeed(true);
        return ValueTask.CompletedTask;
    }
}
