using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>The customer index on the <c>customers</c> table.</summary>
internal sealed class SqliteCustomerIndex(SqliteDatabase database) : ICustomerIndex
{
    // Splits whole-base writes (the periodic tier ranking) into several commits, so ingestion
    // and grain writes queued meanwhile are not held behind one huge transaction.
    private const int RowsPerOperation = 5_000;

    private const string BeginReadSql = "BEGIN DEFERRED;";
    private const string EndReadSql = "COMMIT;";

    // The ids come as one JSON array, so any number of them is one prepared statement.
    private const string ByIdsSql = $"""
        SELECT {CustomerColumns.List} FROM customers
        WHERE customer_id IN (SELECT value FROM json_each($ids))
        ORDER BY customer_id;
        """;

    private const string DueSql = """
        SELECT customer_id FROM customers
        WHERE next_due_at IS NOT NULL AND next_due_at <= $now
        ORDER BY next_due_at, customer_id
        LIMIT $limit;
        """;

    private const string ValueInputsSql = """
        SELECT customer_id, frequency, monetary, last_purchase_at, stage, next_due_at, purchase_days, first_purchase_at, repeat_day_spend
        FROM customers
        WHERE frequency > 0 AND last_purchase_at IS NOT NULL
        ORDER BY customer_id;
        """;

    // One statement, so every count comes from the same snapshot. Each CTE is used more than once,
    // so SQLite materializes it: two scans of the table, however many groups are read out of them.
    private const string CountsSql = """
        WITH lifecycle AS (
            SELECT stage, tier, count(*) AS customers FROM customers GROUP BY stage, tier),
        satisfaction AS (
            SELECT price_sensitivity, loyalty, channel_preference, nps_category, count(*) AS customers
            FROM customers WHERE nps_category IS NOT NULL
            GROUP BY price_sensitivity, loyalty, channel_preference, nps_category)
        SELECT 'stage', stage, NULL, sum(customers) FROM lifecycle GROUP BY stage
        UNION ALL SELECT 'tier', tier, NULL, sum(customers) FROM lifecycle GROUP BY tier
        UNION ALL SELECT 'priceSensitivity', price_sensitivity, nps_category, sum(customers) FROM satisfaction
            WHERE price_sensitivity IS NOT NULL GROUP BY price_sensitivity, nps_category
        UNION ALL SELECT 'loyalty', loyalty, nps_category, sum(customers) FROM satisfaction
            WHERE loyalty IS NOT NULL GROUP BY loyalty, nps_category
        UNION ALL SELECT 'channel', channel_preference, nps_category, sum(customers) FROM satisfaction
            WHERE channel_preference IS NOT NULL GROUP BY channel_preference, nps_category;
        """;

    public Task UpsertAsync(IReadOnlyList<CustomerIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(entries);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.WhenAll(entries.Chunk(RowsPerOperation)
            .Select(chunk => database.Writer.SubmitAsync(new UpsertCustomersOperation(chunk, cancellationToken))));
    }

    public Task RemoveAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new RemoveCustomerOperation(customerId, cancellationToken));
    }

    public Task UpdateTiersAsync(IReadOnlyList<TierAssignment> tiers, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(tiers);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.WhenAll(tiers.Chunk(RowsPerOperation)
            .Select(chunk => database.Writer.SubmitAsync(new UpdateTiersOperation(chunk, cancellationToken))));
    }

    public async Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(query);
        cancellationToken.ThrowIfCancellationRequested();

        var filter = CustomerFilter.From(query.Stage, query.Tier, query.Segment, query.StoreId);
        var countSql = $"SELECT count(*) FROM customers {filter.WhereClause};";
        var pageSql = $"SELECT {CustomerColumns.List} FROM customers {filter.WhereClause} ORDER BY customer_id LIMIT $limit OFFSET $offset;";

        using var lease = database.RentReader();
        var statements = lease.Statements;

        // One read transaction, so the total and the page come from the same snapshot.
        statements.Get(BeginReadSql).ExecuteNonQuery();
        try
        {
            var count = statements.Get(countSql, filter.ParameterNames);
            Bind(count, filter.Values);
            var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

            var page = statements.Get(pageSql, [.. filter.ParameterNames, "$limit", "$offset"]);
            Bind(page, filter.Values);
            page.Parameters[filter.Values.Length].Value = query.PageSize;
            page.Parameters[filter.Values.Length + 1].Value = (long)(query.Page - 1) * query.PageSize;

            var items = new List<CustomerIndexEntry>(Math.Min(query.PageSize, 1024));
            using (var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(CustomerColumns.Read(reader));
                }
            }

            return new CustomerPage(total, items);
        }
        finally
        {
            statements.Get(EndReadSql).ExecuteNonQuery();
        }
    }

    public async Task<IReadOnlyList<CustomerIndexEntry>> ReadAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(customerIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (customerIds.Count == 0)
        {
            return [];
        }

        using var lease = database.RentReader();
        var select = lease.Statements.Get(ByIdsSql, "$ids");
        select.Parameters[0].Value = JsonSerializer.Serialize(customerIds);
        var entries = new List<CustomerIndexEntry>(customerIds.Count);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(CustomerColumns.Read(reader));
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit == 0)
        {
            return [];
        }

        using var lease = database.RentReader();
        var due = lease.Statements.Get(DueSql, "$now", "$limit");
        due.Parameters[0].Value = StoredInstant.ToColumn(now);
        due.Parameters[1].Value = limit;

        var ids = new List<string>();
        using var reader = await due.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <remarks>
    /// Rows stream from one open statement, which holds one read snapshot (and one pooled
    /// connection) until the caller finishes or stops enumerating.
    /// </remarks>
    public async IAsyncEnumerable<ValueInputRow> ReadValueInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var select = lease.Statements.Get(ValueInputsSql);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ValueInputRow(
                CustomerId: reader.GetString(0),
                Frequency: reader.GetInt32(1),
                Monetary: StoredMoney.FromColumn(reader.GetString(2)),
                LastPurchaseAt: StoredInstant.FromColumn(reader.GetInt64(3)),
                Stage: reader.GetString(4),
                NextDueAt: reader.IsDBNull(5) ? null : StoredInstant.FromColumn(reader.GetInt64(5)),
                PurchaseDays: reader.IsDBNull(6) ? null : reader.GetInt32(6),
                FirstPurchaseAt: reader.IsDBNull(7) ? null : StoredInstant.FromColumn(reader.GetInt64(7)),
                RepeatDaySpend: StoredMoney.FromColumn(reader.GetString(8)));
        }
    }

    public async Task<CustomerCounts> CountCustomersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var select = lease.Statements.Get(CountsSql);
        var byStage = new Dictionary<string, long>(StringComparer.Ordinal);
        var byTier = new Dictionary<string, long>(StringComparer.Ordinal);
        var npsBySegment = new List<SegmentNpsCount>();
        long total = 0;
        long withoutTier = 0;
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var customers = reader.GetInt64(3);
            switch (reader.GetString(0))
            {
                case "stage":
                    byStage[reader.GetString(1)] = customers;
                    total += customers;
                    break;
                case "tier" when reader.IsDBNull(1):
                    withoutTier = customers;
                    break;
                case "tier":
                    byTier[reader.GetString(1)] = customers;
                    break;
                default:
                    npsBySegment.Add(new SegmentNpsCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), customers));
                    break;
            }
        }

        return new CustomerCounts(total, byStage, byTier, withoutTier, npsBySegment);
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
