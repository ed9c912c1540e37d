using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Purchases;
using MathNet.Numerics.Distributions;

namespace CustomerEngine.ValueModels.Tests.Support;

/// <summary>Draws customers from the BG/NBD story itself, to check that fitting recovers the generating parameters.</summary>
internal static class BgNbdSimulation
{
    /// <summary>
    /// Each customer gets a Poisson rate λ ~ gamma(r, alpha) and a dropout probability p ~ beta(a, b); repeat purchases
    /// arrive with exponential gaps and after each one the customer leaves for good with probability p.
    /// </summary>
    /// <param name="roundToDays">Whether times are rounded to whole days, as calendar-day summaries are.</param>
    public static List<RfmSummary> Customers(BgNbdParameters truth, int count, Random random, double minimumT, double maximumT, bool roundToDays = false)
    {
        var customers = new List<RfmSummary>(count);
        for (var i = 0; i < count; i++)
        {
            var rate = Gamma.Sample(random, truth.R, truth.Alpha);
            var dropout = Beta.Sample(random, truth.A, truth.B);
            var observed = minimumT + (maximumT - minimumT) * random.NextDouble();
            if (roundToDays)
            {
                observed = Math.Round(observed * 7) / 7;
            }

            var repeats = 0;
            var last = 0.0;
            var now = 0.0;
            while (true)
            {
                now += Exponential.Sample(random, rate);
                if (roundToDays)
                {
                    now = Math.Ceiling(now * 7) / 7;
                }

                if (now > observed)
                {
                    break;
                }

                repeats++;
                last = now;
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }

            customers.Add(new RfmSummary(repeats, last, observed));
        }

        return customers;
    }
}
