namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>The 9,835 Groceries baskets, each line split on commas exactly as the file holds it.</summary>
internal static class Groceries
{
    private static readonly Lazy<string[][]> Loaded = new(() =>
        File.ReadAllLines(RepositoryFiles.GroceriesCsv()).Select(line => line.Split(',')).ToArray());

    // Items are kept untrimmed: arules' Groceries has the labels "cream cheese " and
    // "roll products " with their trailing space, and the rules must match it item for item.
    public static string[][] Baskets => Loaded.Value;
}
