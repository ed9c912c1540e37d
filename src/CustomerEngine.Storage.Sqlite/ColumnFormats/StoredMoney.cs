using System.Globalization;

namespace CustomerEngine.Storage.Sqlite.ColumnFormats;

/// <summary>
/// Monetary values kept as invariant decimal TEXT.
/// </summary>
/// <remarks>
/// SQLite has no decimal type: REAL would round, and integer minor units would assume a number of
/// decimals per currency (0 for JPY, 3 for BHD, more for averages). Text round-trips every
/// <see cref="decimal"/> exactly; the store never sums or sorts by it in SQL, so nothing is lost.
/// </remarks>
internal static class StoredMoney
{
    public static string ToColumn(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal FromColumn(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
