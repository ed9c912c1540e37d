namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>Finds files relative to the repository, wherever the tests run from.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding CustomerEngine.sln, found by walking up from the test binaries.</summary>
    public static DirectoryInfo Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CustomerEngine.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains CustomerEngine.sln.");
    }

    /// <summary>
    /// The Groceries data of the R arules package, one basket per line. Fails (never skips) when
    /// the file is missing, because the real-data tests are the proof that the rules match the
    /// standard tools.
    /// </summary>
    public static string GroceriesCsv()
    {
        var path = Path.Combine(Root().FullName, "tests", "data", "groceries.csv");
        Assert.True(File.Exists(path), $"The Groceries data set is expected at {path} (tests/data/groceries.csv in the repository, one basket per line, items comma-separated).");
        return path;
    }
}
