using System.Globalization;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.ValueModels;

/// <summary>
/// A customer base drawn from the BG/NBD story (gamma purchase rates, beta dropout after each repeat purchase),
/// so that a fit on it converges: first purchases spread over the year before <c>now</c>.
/// </summary>
public static class SimulatedBase
{
    /// <summary>Purchase events of <paramref name="customers"/> customers, all before <paramref name="now"/>, none before <paramref name="firstDay"/>.</summary>
    public static IReadOnlyList<JsonObject> Purchases(string prefix, int customers, DateTimeOffset firstDay, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var events = new List<JsonObject>();
        var span = (now - firstDay).TotalDays;
        for (var c = 0; c < customers; c++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{c:D4}");
            var ratePerDay = Gamma.Sample(random, 0.8, 8) / 7;
            var dropout = Beta.Sample(random, 1, 3);
            var typicalSpend = 20 + (random.NextDouble() * 60);

            // Customers 0 and 1 start on the very first day, so a fit as of that day sees no repeat purchase.
            var day = c < 2 ? 0 : random.Next(0, (int)(span * 0.8));
            for (var purchase = 0; day < span - 1; purchase++)
            {
                var amount = Math.Round((decimal)(typicalSpend * (0.5 + random.NextDouble())), 2);
                events.Add(Purchase(id, firstDay.AddDays(day).AddHours(10 + random.Next(0, 8)), price: amount));
                if (purchase > 0 && random.NextDouble() < dropout)
                {
                    break;
                }

                day += 1 + (int)Exponential.Sample(random, Math.Max(ratePerDay, 1e-3));
            }
        }

        return events;
    }
}
