using System.Globalization;

namespace CustomerEngine.Storage.Postgres.Customers;

/// <summary>
/// The WHERE clause of a customer query and its parameter values ($1, $2… in order). Only the
/// filters given appear, so each of the sixteen shapes gets a plan that fits it.
/// </summary>
internal sealed class CustomerFilter
{
    private CustomerFilter(string whereClause, string[] values)
    {
        WhereClause = whereClause;
        Values = values;
    }

    /// <summary>Empty, or <c>WHERE …</c>.</summary>
    public string WhereClause { get; }

    public string[] Values { get; }

    public static CustomerFilter From(string? stage, string? tier, string? segment, string? storeId)
    {
        var conditions = new List<string>(4);
        var values = new List<string>(4);

        void Add(string condition, string value)
        {
            values.Add(value);
            conditions.Add(condition.Replace("$p", string.Create(CultureInfo.InvariantCulture, $"${values.Count}"), StringComparison.Ordinal));
        }

        if (stage is not null)
        {
            Add("stage = $p", stage);
        }

        if (tier is not null)
        {
            Add("tier = $p", tier);
        }

        if (segment is not null)
        {
            Add("(price_sensitivity = $p OR loyalty = $p OR channel_preference = $p)", segment);
        }

        if (storeId is not null)
        {
            Add("(home_store_id = $p OR last_store_id = $p)", storeId);
        }

        var whereClause = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return new CustomerFilter(whereClause, [.. values]);
    }
}
