using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Connections;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>Grain state on the <c>grain_state</c> table.</summary>
internal sealed class PostgresGrainStateStore(PostgresDatabase database) : IGrainStateStore
{
    public async Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        GrainStateKey.Validate(id);
        cancellationToken.ThrowIfCancellationRequested();
        return await database.GrainStates.LookUpAsync(id, cancellationToken).ConfigureAwait(false);
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
