namespace CustomerEngine.Domain.Value;

/// <summary>
/// How the customer base spreads over lifetime value, in bands that widen with value (lifetime
/// values are heavily skewed: a few customers are worth many times the median).
/// </summary>
/// <param name="Bands">Customers per band, lowest first; the last band has no upper bound.</param>
/// <param name="Scored">Customers with a lifetime value.</param>
/// <param name="Median">The median lifetime value, or null when nobody is scored.</param>
/// <param name="Total">The sum of all lifetime values.</param>
public sealed record LifetimeValueHistogram(IReadOnlyList<LifetimeValueBand> Bands, long Scored, double? Median, double Total)
{
    private static readonly double[] Edges = [0, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000];

    /// <summary>The histogram of <paramref name="lifetimeValues"/> (negative or non-finite values are left out).</summary>
    public static LifetimeValueHistogram Of(IEnumerable<double> lifetimeValues)
    {
        ArgumentNullException.ThrowIfNull(lifetimeValues);
        var values = lifetimeValues.Where(v => double.IsFinite(v) && v >= 0).Order().ToArray();
        var counts = new long[Edges.Length];
        foreach (var value in values)
        {
            var band = Array.BinarySearch(Edges, value);
            counts[band >= 0 ? band : ~band - 1]++;
        }

        var bands = Edges.Select((from, i) => new LifetimeValueBand(from, i + 1 < Edges.Length ? Edges[i + 1] : null, counts[i])).ToList();
        double? median = values.Length == 0 ? null
            : values.Length % 2 == 1 ? values[values.Length / 2]
            : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
        return new LifetimeValueHistogram(bands, values.Length, median, values.Sum());
    }
}
