using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>Inserts entries or replaces every column of the entries already indexed.</summary>
internal sealed class UpsertCustomersOperation : WriteOperation<int>
{
    // Most rows replace an entry whose stores and due time have not moved (counters, times and
    // segments change far more often). Writing those three columns, even unchanged, makes SQLite
    // rewrite their entries in all three secondary indexes; this update leaves them out, and
    // applies only when they still hold the values given, otherwise the upsert below runs.
    private const string UpdateInPlaceSql = """
        UPDATE customers SET
            name = $name, kind = $kind, stage = $stage, tier = $tier,
            price_sensitivity = $price_sensitivity, loyalty = $loyalty,
            channel_preference = $channel_preference, nps_category = $nps_category,
            open_complaints = $open_complaints, frequency = $frequency, monetary = $monetary,
            last_purchase_at = $last_purchase_at, last_seen_at = $last_seen_at,
            purchase_days = $purchase_days, first_purchase_at = $first_purchase_at, repeat_day_spend = $repeat_day_spend
        WHERE customer_id = $customer_id
          AND home_store_id IS $home_store_id AND last_store_id IS $last_store_id AND next_due_at IS $next_due_at;
        """;

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
        var updateInPlace = statements.GetRaw(UpdateInPlaceSql, CustomerColumns.ParameterNames);
        var upsert = statements.GetRaw(UpsertSql, CustomerColumns.ParameterNames);
        for (var i = 0; i < _entries.Length; i++)
        {
            CustomerColumns.Bind(updateInPlace, _entries[i], _amounts[i]);
            if (updateInPlace.Execute() == 0)
            {
                CustomerColumns.Bind(upsert, _entries[i], _amounts[i]);
                upsert.Execute();
            }
        }

        return _entries.Length;
    }
}
