using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>Grain state on the <c>grain_state</c> table.</summary>
internal sealed class PostgresGrainStateStore(PostgresDatabase database) : IGrainStateStore
{
    private const string NamesSql = "SELECT state_name FROM grain_state WHERE grain_type = $1 AND grain_key = $2 ORDER BY state_name COLLATE \"C\";";

    public async Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        GrainStateKey.Validate(id);
        cancellationToken.ThrowIfCancellationRequested();
        return await database.GrainStates.LookUpAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return await database.ReadAsync(
            NamesSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<string> { TypedValue = grainType });
                parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            },
            async command =>
            {
                var names = new List<string>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    names.Add(reader.GetString(0));
                }

                return (IReadOnlyList<string>)names;
            }).ConfigureAwait(false);
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
