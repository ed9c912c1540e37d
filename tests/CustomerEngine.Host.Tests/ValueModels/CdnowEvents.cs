using System.Globalization;
using System.Text.Json.Nodes;

namespace CustomerEngine.Host.Tests.ValueModels;

/// <summary>The CDNOW sample (tests/data) as purchase events a producer would post.</summary>
public static class CdnowEvents
{
    public static readonly DateTimeOffset CalibrationEnd = new(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HoldoutEnd = new(1998, 6, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One <c>purchase</c> per row (master id, customer id, yyyymmdd, CDs, dollars) at midnight UTC of its date,
    /// with one item worth the row's dollar value; the models use the day and the total only.
    /// </summary>
    public static IReadOnlyList<JsonObject> All() =>
        [.. File.ReadLines(Locate())
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, row) =>
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var at = new DateTimeOffset(DateTime.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture), TimeSpan.Zero);
                var dollars = decimal.Parse(fields[4], CultureInfo.InvariantCulture);
                return new JsonObject
                {
                    ["eventId"] = $"cdnow-{row}",
                    ["customerId"] = $"cdnow-{fields[0]}",
                    ["type"] = "purchase",
                    ["occurredAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["channel"] = "online",
                    ["data"] = new JsonObject
                    {
                        ["orderId"] = $"cdnow-order-{row}",
                        ["items"] = new JsonArray { new JsonObject { ["sku"] = "cd", ["category"] = "music", ["price"] = dollars, ["quantity"] = 1 } },
                        ["total"] = dollars,
                    },
                };
            })];

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerEngine.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"Could not find CustomerEngine.sln above {AppContext.BaseDirectory}; the CDNOW test locates its data relative to the checkout.");
        var path = Path.Combine(directory!.FullName, "tests", "data", "CDNOW_sample.txt");
        Assert.True(File.Exists(path), $"The CDNOW sample is missing: expected it at {path}.");
        return path;
    }
}
