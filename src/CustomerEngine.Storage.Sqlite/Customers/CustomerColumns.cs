using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
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

    /// <summary>The parameter values of <paramref name="entry"/>, in the order of <see cref="ParameterNames"/>.</summary>
    public static object[] ToValues(CustomerIndexEntry entry) =>
    [
        entry.CustomerId,
        StoredText.ToColumn(entry.Name),
        entry.Kind,
        entry.Stage,
        StoredText.ToColumn(entry.Tier),
        StoredText.ToColumn(entry.HomeStoreId),
        StoredText.ToColumn(entry.LastStoreId),
        StoredText.ToColumn(entry.PriceSensitivity),
        StoredText.ToColumn(entry.Loyalty),
        StoredText.ToColumn(entry.ChannelPreference),
        StoredText.ToColumn(entry.NpsCategory),
        entry.OpenComplaints,
        entry.Frequency,
        StoredMoney.ToColumn(entry.Monetary),
        StoredInstant.ToColumn(entry.LastPurchaseAt),
        StoredInstant.ToColumn(entry.LastSeenAt),
        StoredInstant.ToColumn(entry.NextDueAt),
        entry.PurchaseDays is { } days ? days : DBNull.Value,
        StoredInstant.ToColumn(entry.FirstPurchaseAt),
        StoredMoney.ToColumn(entry.RepeatDaySpend),
    ];

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
