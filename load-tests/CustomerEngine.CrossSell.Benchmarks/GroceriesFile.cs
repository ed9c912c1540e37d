namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>The Groceries baskets (R arules) at tests/data/groceries.csv in the repository.</summary>
internal static class GroceriesFile
{
    /// <summary>Every basket, items split on commas exactly as the file holds them.</summary>
    public static string[][] Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "data", "groceries.csv");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Groceries data set is expected at {path}.", path);
        }

        return File.ReadAllLines(path).Select(line => line.Split(',')).ToArray();
    }

    // BenchmarkDotNet runs the benchmarks from a generated project under bin/, so the root is
    // found by walking up rather than from the working directory.
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CustomerEngine.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("No folder above the benchmark contains CustomerEngine.sln.");
    }
}
