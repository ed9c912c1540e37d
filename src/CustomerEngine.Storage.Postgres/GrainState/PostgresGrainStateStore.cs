using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Connections;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>Grain state on the <c>grain_state</c> table.</summary>
internal sealed class PostgresGrainStateStore(PostgresDatabase database) : IGrainStateStore
{
    private const string SelectSql = $"SELECT data, version FROM grain_state WHERE {GrainStateKey.Condition}";

    public async Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        GrainStateKey.Validate(id);
        cancellationToken.ThrowIfCancellationRequested();
        await using var select = database.CreateReadCommand(SelectSql);
        GrainStateKey.Add(select.Parameters, id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new GrainStateRecord(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1))
            : null;
    }

    public Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default)
    {
        GrainStateKey.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();

        // Copied now: the caller may reuse its buffer once this call returns, before the write runs.
        return database.Writer.SubmitAsync(new WriteGrainStateOperation(id, data.ToArray(), expectedVersion, cancellationToken));
    }

    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        GrainStateKey.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new ClearGrainStateOperation(id, expectedVersion, cancellationToken));
    }
}
