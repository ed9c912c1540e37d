using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Erasure;

/// <summary>Customer erasure on the store's tables, with its audit trail in the <c>erasures</c> table.</summary>
internal sealed class PostgresCustomerErasure(PostgresDatabase database) : ICustomerErasure
{
    private const string NewestSql = $"SELECT {ErasureRows.Columns} FROM erasures ORDER BY erased_at DESC, erasure_id LIMIT $1";

    private const string BySubjectSql = $"SELECT {ErasureRows.Columns} FROM erasures WHERE subject_digest = $2 ORDER BY erased_at DESC, erasure_id LIMIT $1";

    public Task<ErasureRecord> EraseCustomerAsync(CustomerErasureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new EraseCustomerOperation(request, cancellationToken));
    }

    public async Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? subjectDigest, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit == 0)
        {
            return [];
        }

        return await database.ReadAsync(
            subjectDigest is null ? NewestSql : BySubjectSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
                if (subjectDigest is not null)
                {
                    parameters.Add(new NpgsqlParameter<string> { TypedValue = subjectDigest });
                }
            },
            async select =>
            {
                var records = new List<ErasureRecord>();
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    records.Add(ErasureRows.Read(reader));
                }

                return records;
            }).ConfigureAwait(false);
    }
}
