using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.GrainState;

/// <summary>Grain state on the <c>grain_state</c> table.</summary>
internal sealed class SqliteGrainStateStore(SqliteDatabase database) : IGrainStateStore
{
    private const string SelectSql = "SELECT data, version FROM grain_state WHERE " + GrainStateParameters.KeyCondition + ";";
    private const string NamesSql = "SELECT state_name FROM grain_state WHERE grain_type = $grain_type AND grain_key = $grain_key ORDER BY state_name;";
    private static readonly string[] GrainParameters = ["$grain_type", "$grain_key"];

    public async Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        GrainStateParameters.Validate(id);
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var select = lease.Statements.Get(SelectSql, GrainStateParameters.Key);
        GrainStateParameters.BindKey(select, id);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new GrainStateRecord(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1))
            : null;
    }

    public async Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var select = lease.Statements.Get(NamesSql, GrainParameters);
        select.Parameters[0].Value = grainType;
        select.Parameters[1].Value = key;
        var names = new List<string>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default)
    {
        GrainStateParameters.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();

        // Copied now: the caller may reuse its buffer once this call returns, before the write runs.
        return database.Writer.SubmitAsync(new WriteGrainStateOperation(id, data.ToArray(), expectedVersion, cancellationToken));
    }

    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        GrainStateParameters.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new ClearGrainStateOperation(id, expectedVersion, cancellationToken));
    }
}
