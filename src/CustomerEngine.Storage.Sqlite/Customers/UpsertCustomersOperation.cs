using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>Inserts entries or replaces every column of the entries already indexed.</summary>
internal sealed class UpsertCustomersOperation : WriteOperation<int>
{
    private const string UpsertSql = $"""
        INSERT INTO customers ({CustomerColumns.List})
        VALUES ($customer_id, $name, $kind, $stage, $tier, $home_store_id, $last_store_id, $price_sensitivity, $loyalty,
                $channel_preference, $nps_category, $open_complaints, $frequency, $monetary, $last_purchase_at, $last_seen_at, $next_due_at,
                $purchase_days, $first_purchase_at, $repeat_day_spend)
        ON CONFLICT (customer_id) DO UPDATE SET
            name = excluded.name, kind = excluded.kind, stage = excluded.stage, tier = excluded.tier,
            home_store_id = excluded.home_store_id, last_store_id = excluded.last_store_id,
            price_sensitivity = excluded.price_sensitivity, loyalty = excluded.loyalty,
            channel_preference = excluded.channel_preference, nps_category = excluded.nps_category,
            open_complaints = excluded.open_complaints, frequency = excluded.frequency, monetary = excluded.monetary,
            last_purchase_at = excluded.last_purchase_at, last_seen_at = excluded.last_seen_at, next_due_at = excluded.next_due_at,
            purchase_days = excluded.purchase_days, first_purchase_at = excluded.first_purchase_at, repeat_day_spend = excluded.repeat_day_spend;
        """;

    private readonly CustomerIndexEntry[] _entries;
    private readonly (string Monetary, string RepeatDaySpend)[] _amounts;

    /// <summary>Formats the amounts on the caller's thread, so the writer only binds values.</summary>
    public UpsertCustomersOperation(IEnumerable<CustomerIndexEntry> entries, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _entries = [.. entries];
        _amounts = [.. _entries.Select(e => (StoredMoney.ToColumn(e.Monetary), StoredMoney.ToColumn(e.RepeatDaySpend)))];
    }

    protected override int Apply(PreparedStatements statements)
    {
        var upsert = statements.GetRaw(UpsertSql, CustomerColumns.ParameterNames);
        for (var i = 0; i < _entries.Length; i++)
        {
            CustomerColumns.Bind(upsert, _entries[i], _amounts[i]);
            upsert.Execute();
        }

        return _entries.Length;
    }
}
