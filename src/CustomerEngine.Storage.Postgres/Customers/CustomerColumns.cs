using CustomerEngine.Storage.Customers;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>How a <see cref="CustomerIndexEntry"/> maps to the columns of the <c>customers</c> table, in one place for writes and reads.</summary>
internal static class CustomerColumns
{
    public const string List = """
        customer_id, name, kind, stage, tier, home_store_id, last_store_id, price_sensitivity, loyalty,
        channel_preference, nps_category, open_complaints, frequency, monetary, last_purchase_at, last_seen_at, next_due_at,
        purchase_days, first_purchase_at, repeat_day_spend
        """;

    /// <summary>
    /// One array parameter per column, in the order of <see cref="List"/>, turned back into rows by
    /// <c>unnest</c>: a whole chunk of entries is one statement, however many rows it holds.
    /// </summary>
    public const string UnnestedRows = """
        unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
               $10::text[], $11::text[], $12::integer[], $13::integer[], $14::numeric[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[],
               $18::integer[], $19::timestamptz[], $20::numeric[])
        """;

    /// <summary>Reads an entry from a row selected with <see cref="List"/>.</summary>
    public static CustomerIndexEntry Read(NpgsqlDataReader row) => new(
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
        Monetary: row.GetDecimal(13),
        LastPurchaseAt: OptionalInstant(row, 14),
        LastSeenAt: OptionalInstant(row, 15),
        NextDueAt: OptionalInstant(row, 16),
        PurchaseDays: row.IsDBNull(17) ? null : row.GetInt32(17),
        FirstPurchaseAt: OptionalInstant(row, 18),
        RepeatDaySpend: row.GetDecimal(19));

    public static string? OptionalText(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static DateTimeOffset? OptionalInstant(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
