using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>Inserts entries or replaces every column of the entries already indexed, a whole chunk in one statement.</summary>
internal sealed class UpsertCustomersOperation : WriteOperation<int>
{
    private const string UpsertSql = $"""
        WITH written AS (
            INSERT INTO customers ({CustomerColumns.List})
            SELECT * FROM {CustomerColumns.UnnestedRows}
            ON CONFLICT (customer_id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, stage = excluded.stage, tier = excluded.tier,
                home_store_id = excluded.home_store_id, last_store_id = excluded.last_store_id,
                price_sensitivity = excluded.price_sensitivity, loyalty = excluded.loyalty,
                channel_preference = excluded.channel_preference, nps_category = excluded.nps_category,
                open_complaints = excluded.open_complaints, frequency = excluded.frequency, monetary = excluded.monetary,
                last_purchase_at = excluded.last_purchase_at, last_seen_at = excluded.last_seen_at, next_due_at = excluded.next_due_at,
                purchase_days = excluded.purchase_days, first_purchase_at = excluded.first_purchase_at, repeat_day_spend = excluded.repeat_day_spend
            RETURNING 1)
        SELECT count(*)::integer FROM written
        """;

    private readonly CustomerRows _rows;

    /// <summary>Lays the entries out on the caller's thread, so the writer only sends them.</summary>
    public UpsertCustomersOperation(IEnumerable<CustomerIndexEntry> entries, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        // One statement may not touch a row twice, so a customer listed twice keeps its last entry,
        // as sequential upserts would. Id order makes concurrent writers lock rows in the same order.
        var latest = new Dictionary<string, CustomerIndexEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            latest[entry.CustomerId] = entry;
        }

        _rows = new CustomerRows([.. latest.Values.OrderBy(entry => entry.CustomerId, StringComparer.Ordinal)]);
    }

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(UpsertSql);
        _rows.AddParameters(command.Parameters);
        return command;
    }

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(result.GetInt32(0));
    }
}
