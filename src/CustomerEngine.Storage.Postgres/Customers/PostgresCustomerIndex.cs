using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>The customer index on the <c>customers</c> table.</summary>
internal sealed class PostgresCustomerIndex(PostgresDatabase database) : ICustomerIndex
{
    // Splits whole-base writes (the periodic tier ranking) into several statements and commits, so
    // ingestion and grain writes queued meanwhile are not held behind one huge transaction.
    private const int RowsPerOperation = 5_000;

    // Read straight from customers_due_in_order (migration 0002): the first $2 entries, no sort.
    private const string DueSql = """
        SELECT customer_id FROM customers
        WHERE next_due_at IS NOT NULL AND next_due_at <= $1
        ORDER BY next_due_at, customer_id
        LIMIT $2
        """;

    private const string ByIdsSql = $"""
        SELECT {CustomerColumns.List} FROM customers
        WHERE customer_id = ANY($1)
        ORDER BY customer_id
        """;

    private const string ValueInputsSql = """
        SELECT customer_id, frequency, monetary, last_purchase_at, stage, next_due_at, purchase_days, first_purchase_at, repeat_day_spend
        FROM customers
        WHERE frequency > 0 AND last_purchase_at IS NOT NULL
        ORDER BY customer_id
        """;

    // One statement, so every count comes from the same snapshot, and two scans of the table
    // (one per grouping-sets aggregate) however many groups are read out of them. GROUPING(...)
    // has a bit set per column left out of the row's grouping set: 3 = 0b011 is the set of
    // price_sensitivity, 5 = 0b101 of loyalty, 6 = 0b110 of channel_preference.
    private const string CountsSql = """
        WITH lifecycle AS (
            SELECT GROUPING(stage) AS by_tier, stage, tier, count(*) AS customers
            FROM customers
            GROUP BY GROUPING SETS ((stage), (tier))),
        satisfaction AS (
            SELECT CASE GROUPING(price_sensitivity, loyalty, channel_preference)
                       WHEN 3 THEN 'priceSensitivity' WHEN 5 THEN 'loyalty' ELSE 'channel' END AS segment_kind,
                   coalesce(price_sensitivity, loyalty, channel_preference) AS segment, nps_category, count(*) AS customers
            FROM customers
            WHERE nps_category IS NOT NULL
            GROUP BY GROUPING SETS ((price_sensitivity, nps_category), (loyalty, nps_category), (channel_preference, nps_category)))
        SELECT CASE by_tier WHEN 0 THEN 'stage' ELSE 'tier' END, CASE by_tier WHEN 0 THEN stage ELSE tier END, NULL, customers
        FROM lifecycle
        UNION ALL
        SELECT segment_kind, segment, nps_category, customers FROM satisfaction WHERE segment IS NOT NULL
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

    public Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(query);
        cancellationToken.ThrowIfCancellationRequested();

        var filter = CustomerFilter.From(query.Stage, query.Tier, query.Segment, query.StoreId);
        return DroppedConnection.ReadAgainOnceAsync(database.DataSource, () => QueryPageAsync(query, filter, cancellationToken));
    }

    private async Task<CustomerPage> QueryPageAsync(CustomerQuery query, CustomerFilter filter, CancellationToken cancellationToken)
    {
        var limit = filter.Values.Length + 1;
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM customers {filter.WhereClause}");
        var page = new NpgsqlBatchCommand(string.Create(CultureInfo.InvariantCulture,
            $"SELECT {CustomerColumns.List} FROM customers {filter.WhereClause} ORDER BY customer_id LIMIT ${limit} OFFSET ${limit + 1}"));
        foreach (var value in filter.Values)
        {
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
            page.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }

        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize });
        page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(query.Page - 1) * query.PageSize });

        // One snapshot for both statements, so the total and the page agree.
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { count, page } };
        var items = new List<CustomerIndexEntry>(Math.Min(query.PageSize, 1024));
        long total;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(CustomerColumns.Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CustomerPage(total, items);
    }

    public async Task<IReadOnlyList<CustomerIndexEntry>> ReadAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        CustomerIndexArguments.Require(customerIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (customerIds.Count == 0)
        {
            return [];
        }

        return await database.ReadAsync(
            ByIdsSql,
            parameters => parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. customerIds] }),
            async select =>
            {
                var entries = new List<CustomerIndexEntry>(customerIds.Count);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(CustomerColumns.Read(reader));
                }

                return entries;
            }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit == 0)
        {
            return [];
        }

        return await database.ReadAsync(
            DueSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            },
            async due =>
            {
                var ids = new List<string>();
                await using var reader = await due.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }

                return ids;
            }).ConfigureAwait(false);
    }

    /// <remarks>
    /// Rows stream from one open statement, which holds one snapshot (and one pooled connection)
    /// until the caller finishes or stops enumerating.
    /// </remarks>
    public async IAsyncEnumerable<ValueInputRow> ReadValueInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (select, reader) = await database.StartReadingAsync(ValueInputsSql, cancellationToken).ConfigureAwait(false);
        await using var command = select;
        await using var rows = reader;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ValueInputRow(
                CustomerId: reader.GetString(0),
                Frequency: reader.GetInt32(1),
                Monetary: reader.GetDecimal(2),
                LastPurchaseAt: reader.GetFieldValue<DateTimeOffset>(3),
                Stage: reader.GetString(4),
                NextDueAt: CustomerColumns.OptionalInstant(reader, 5),
                PurchaseDays: reader.IsDBNull(6) ? null : reader.GetInt32(6),
                FirstPurchaseAt: CustomerColumns.OptionalInstant(reader, 7),
                RepeatDaySpend: reader.GetDecimal(8));
        }
    }

    public Task<CustomerCounts> CountCustomersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return database.ReadAsync(CountsSql, select => CountAsync(select, cancellationToken));
    }

    private static async Task<CustomerCounts> CountAsync(NpgsqlCommand select, CancellationToken cancellationToken)
    {
        var byStage = new Dictionary<string, long>(StringComparer.Ordinal);
        var byTier = new Dictionary<string, long>(StringComparer.Ordinal);
        var npsBySegment = new List<SegmentNpsCount>();
        long total = 0;
        long withoutTier = 0;
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
}
