using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>How a <see cref="CustomerIndexEntry"/> maps to the columns of the <c>customers</c> table, in one place for writes and reads.</summary>
internal static class CustomerColumns
{
    public const string List = """
        customer_id, name, kind, stage, tier, home_store_id, last_store_id, price_sensitivity, loyalty,
        channel_preference, nps_category, open_complaints, frequency, monetary, last_purchase_at, last_seen_at, next_due_at,
        purchase_days, first_purchase_at, repeat_day_spend
        """;

    public static readonly string[] ParameterNames =
    [
        "$customer_id", "$name", "$kind", "$stage", "$tier", "$home_store_id", "$last_store_id", "$price_sensitivity", "$loyalty",
        "$channel_preference", "$nps_category", "$open_complaints", "$frequency", "$monetary", "$last_purchase_at", "$last_seen_at", "$next_due_at",
        "$purchase_days", "$first_purchase_at", "$repeat_day_spend",
    ];

    /// <summary>Binds <paramref name="entry"/> to a statement whose parameters are <see cref="ParameterNames"/>, in order; the amounts come formatted.</summary>
    public static void Bind(RawStatement statement, CustomerIndexEntry entry, (string Monetary, string RepeatDaySpend) amounts)
    {
        statement.BindText(1, entry.CustomerId);
        statement.BindText(2, entry.Name);
        statement.BindText(3, entry.Kind);
        statement.BindText(4, entry.Stage);
        statement.BindText(5, entry.Tier);
        statement.BindText(6, entry.HomeStoreId);
        statement.BindText(7, entry.LastStoreId);
        statement.BindText(8, entry.PriceSensitivity);
        statement.BindText(9, entry.Loyalty);
        statement.BindText(10, entry.ChannelPreference);
        statement.BindText(11, entry.NpsCategory);
        statement.BindInt64(12, entry.OpenComplaints);
        statement.BindInt64(13, entry.Frequency);
        statement.BindText(14, amounts.Monetary);
        statement.BindInt64(15, StoredInstant.ToColumn(entry.LastPurchaseAt));
        statement.BindInt64(16, StoredInstant.ToColumn(entry.LastSeenAt));
        statement.BindInt64(17, StoredInstant.ToColumn(entry.NextDueAt));
        statement.BindInt64(18, entry.PurchaseDays);
        statement.BindInt64(19, StoredInstant.ToColumn(entry.FirstPurchaseAt));
        statement.BindText(20, amounts.RepeatDaySpend);
    }

    /// <summary>Reads an entry from a row selected with <see cref="List"/>.</summary>
    public static CustomerIndexEntry Read(SqliteDataReader row) => new(
        CustomerId: row.GetString(0),
        Name: OptionalText(row, 1),
        Kind: row.GetString(2),
        Stage: row.GetString(3),
        Tier: OptionalText(row, 4),
        HomeStoreId: OptionalText(row, 5),
        LastStoreId: OptionalText(row, 6),
        PriceSensitivity: OptionalText(row, 7),
        Loyalty: OptionalText(row, 8),
        ChannelPreference: OptionalText(row, 9),
        NpsCategory: OptionalText(row, 10),
        OpenComplaints: row.GetInt32(11),
        Frequency: row.GetInt32(12),
        Monetary: StoredMoney.FromColumn(row.GetString(13)),
        LastPurchaseAt: OptionalInstant(row, 14),
        LastSeenAt: OptionalInstant(row, 15),
        NextDueAt: OptionalInstant(row, 16),
        PurchaseDays: row.IsDBNull(17) ? null : row.GetInt32(17),
        FirstPurchaseAt: OptionalInstant(row, 18),
        RepeatDaySpend: StoredMoney.FromColumn(row.GetString(19)));

    private static string? OptionalText(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset? OptionalInstant(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : StoredInstant.FromColumn(row.GetInt64(ordinal));
}
