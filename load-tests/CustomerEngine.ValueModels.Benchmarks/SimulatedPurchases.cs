using CustomerEngine.ValueModels.Purchases;
using MathNet.Numerics.Distributions;

namespace CustomerEngine.ValueModels.Benchmarks;

/// <summary>
/// Purchase histories drawn from the models' own story, at calendar-day resolution as the engine records them:
/// purchase rates gamma(r = 0.5, alpha = 5 per week), dropout after each repeat beta(a = 0.8, b = 2.5), spend per
/// purchase gamma(p = 6, nu) with nu gamma(q = 4, gamma = 15) across customers. First purchases spread over a year.
/// </summary>
internal static class SimulatedPurchases
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<PurchaseHistory> Histories(int customers, int seed)
    {
        var random = new Random(seed);
        var histories = new List<PurchaseHistory>(customers);
        for (var c = 0; c < customers; c++)
        {
            var ratePerDay = Gamma.Sample(random, 0.5, 5) / 7;
            var dropout = Beta.Sample(random, 0.8, 2.5);
            var spendRate = Gamma.Sample(random, 4, 15);
            var purchases = new List<Purchase>();
            var day = random.Next(1, 365);
            for (var n = 0; day >= 0; n++)
            {
                var amount = (decimal)Math.Round(Gamma.Sample(random, 6, spendRate), 2);
                purchases.Add(new Purchase(AsOf.AddDays(-day).AddHours(random.Next(8, 20)), amount));
                if (n > 0 && random.NextDouble() < dropout)
                {
                    break;
                }

                day -= 1 + (int)Exponential.Sample(random, Math.Max(ratePerDay, 1e-4));
            }

            histories.Add(new PurchaseHistory(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{c}"), purchases));
        }

        return histories;
    }
}
