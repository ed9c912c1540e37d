using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// Writes how far the start-up backfill has read, at most once per interval, so an operator can
/// see a long backfill move: baskets in the model, baskets learned from the log, and the position
/// in the log against its length at start-up.
/// </summary>
internal sealed class BackfillProgress(long startSequence, long eventsAtStart, TimeSpan interval)
{
    private long _lastReport = Stopwatch.GetTimestamp();

    public void Report(ILogger logger, long baskets, long learned, long sequence)
    {
        if (Stopwatch.GetElapsedTime(_lastReport) < interval)
        {
            return;
        }

        _lastReport = Stopwatch.GetTimestamp();

        // Sequences run from 1 without gaps unless events were erased, so the position against
        // the event count at start-up is a fair share of the way (capped: events keep arriving).
        var share = eventsAtStart <= startSequence ? 1d : Math.Min(1d, (double)(sequence - startSequence) / (eventsAtStart - startSequence));
        logger.LogInformation(
            "Cross-sell backfill: {Baskets} baskets in the model, {Learned} learned from the log; read to sequence {Sequence} of about {Events} ({Share:P0})",
            baskets, learned, sequence, eventsAtStart, share);
    }
}
