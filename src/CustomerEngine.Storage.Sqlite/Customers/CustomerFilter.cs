namespace CustomerEngine.Storage.Sqlite.Customers;

/// <summary>
/// The WHERE clause of a customer query and its parameters. Only the filters given appear, so
/// the sixteen possible shapes each compile to a plan that uses the matching index.
/// </summary>
internal sealed class CustomerFilter
{
    private CustomerFilter(string whereClause, string[] parameterNames, object[] values)
    {
        WhereClause = whereClause;
        ParameterNames = parameterNames;
        Values = values;
    }

    /// <summary>Empty, or <c>WHERE …</c>.</summary>
    public string WhereClause { get; }

    public string[] ParameterNames { get; }

    public object[] Values { get; }

    public static CustomerFilter From(string? stage, string? tier, string? segment, string? storeId)
    {
        var conditions = new List<string>(4);
        var names = new List<string>(4);
        var values = new List<object>(4);

        void Add(string condition, string name, string value)
        {
            conditions.Add(condition);
            names.Add(name);
            values.Add(value);
        }

        if (stage is not null)
        {
            Add("stage = $stage", "$stage", stage);
        }

        if (tier is not null)
        {
            Add("tier = $tier", "$tier", tier);
        }

        if (segment is not null)
        {
            Add("(price_sensitivity = $segment OR loyalty = $segment OR channel_preference = $segment)", "$segment", segment);
        }

        if (storeId is not null)
        {
            Add("(home_store_id = $store_id OR last_store_id = $store_id)", "$store_id", storeId);
        }

        var whereClause = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return new CustomerFilter(whereClause, [.. names], [.. values]);
    }
}
