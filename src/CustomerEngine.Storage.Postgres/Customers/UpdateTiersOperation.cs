using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>Sets the tier of indexed customers; a customer not in the index stays absent.</summary>
internal sealed class UpdateTiersOperation : WriteOperation<int>
{
    private const string UpdateSql = """
        WITH updated AS (
            UPDATE customers SET tier = assigned.tier
            FROM unnest($1::text[], $2::text[]) AS assigned(customer_id, tier)
            WHERE customers.customer_id = assigned.customer_id
            RETURNING 1)
        SELECT count(*)::integer FROM updated
        """;

    private readonly string[] _customerIds;
    private readonly string[] _tiers;

    public UpdateTiersOperation(IEnumerable<TierAssignment> tiers, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        // An UPDATE … FROM joined to two rows for one customer would pick either: the last assignment wins, as sequential updates would.
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in tiers)
        {
            latest[assignment.CustomerId] = assignment.Tier;
        }

        var ordered = latest.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        _customerIds = [.. ordered.Select(pair => pair.Key)];
        _tiers = [.. ordered.Select(pair => pair.Value)];
    }

    public override NpgsqlBatchCommand CreateCommand() => new(UpdateSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string[]> { TypedValue = _customerIds },
            new NpgsqlParameter<string[]> { TypedValue = _tiers },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(result.GetInt32(0));
    }
}
