using CustomerEngine.Domain.Value;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>The published CDNOW estimates as a value model, so expectations can be worked out by hand.</summary>
internal static class CdnowModel
{
    public static readonly BgNbdParameters Transactions = new(0.243, 4.414, 0.793, 2.426);

    public static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);

    public static readonly CustomerValueModel Model = new(Transactions, Spend);

    /// <summary>The first midnight UTC, walking day by day after the last purchase day, at which P(alive) is below the threshold.</summary>
    public static DateTimeOffset WalkToCrossing(DateOnly firstDay, DateOnly lastDay, int repeats, double threshold)
    {
        var txWeeks = (lastDay.DayNumber - firstDay.DayNumber) / 7.0;
        for (var day = lastDay.AddDays(1); ; day = day.AddDays(1))
        {
            if (Transactions.ProbabilityAlive(repeats, txWeeks, (day.DayNumber - firstDay.DayNumber) / 7.0) < threshold)
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
        }
    }
}
