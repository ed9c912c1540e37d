namespace CustomerEngine.CrossSell.Baskets;

/// <summary>The one rule every SKU and category name follows.</summary>
internal static class ItemName
{
    /// <summary>
    /// Returns <paramref name="name"/> when it is usable as an item name. Whitespace-only names are
    /// rejected but names are not trimmed: "cream cheese " and "cream cheese" are different items,
    /// as they are to any association-rule tool reading the same data.
    /// </summary>
    public static string Require(string? name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An item or category name cannot be empty or whitespace.", parameterName);
        }

        return name;
    }
}
