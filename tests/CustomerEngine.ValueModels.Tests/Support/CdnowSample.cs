using System.Globalization;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Tests.Support;

/// <summary>The CDNOW 1/10th sample of Fader and Hardie, read from tests/data in the checkout.</summary>
internal static class CdnowSample
{
    public static readonly DateTimeOffset CalibrationEnd = new(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HoldoutEnd = new(1998, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<PurchaseHistory>> Histories = new(Load);

    public static IReadOnlyList<PurchaseHistory> All => Histories.Value;

    public static IReadOnlyList<RfmSummary> CalibrationSummaries() =>
        CalibrationSummary.Of(All, CalibrationEnd).Values.ToList();

    private static IReadOnlyList<PurchaseHistory> Load()
    {
        var path = Locate();
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => (
                Customer: fields[0],
                Purchase: new Purchase(
                    new DateTimeOffset(DateTime.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture), TimeSpan.Zero),
                    decimal.Parse(fields[4], CultureInfo.InvariantCulture))))
            .GroupBy(row => row.Customer)
            .Select(customer => new PurchaseHistory(customer.Key, customer.Select(row => row.Purchase).ToList()))
            .ToList();
    }

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerEngine.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"Could not find CustomerEngine.sln above {AppContext.BaseDirectory}; the CDNOW test locates its data relative to the checkout.");
        var path = Path.Combine(directory!.FullName, "tests", "data", "CDNOW_sample.txt");
        Assert.True(File.Exists(path), $"The CDNOW sample is missing: expected it at {path}. The published-estimate tests need the real data.");
        return path;
    }
}
