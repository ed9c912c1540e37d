namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Latency counts in buckets 1% wide from 1 µs to about 20 minutes: a fixed 16 KiB whatever the
/// number of samples. A percentile is the upper edge of its bucket (never above the maximum,
/// which is kept exactly), so it reads at most 1% high.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 0.001;
    private static readonly double Growth = Math.Log(1.01);
    private readonly long[] _counts = new long[2_100];
    private readonly Lock _gate = new();
    private long _count;
    private double _max;

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Record(double milliseconds)
    {
        var bucket = milliseconds <= Smallest ? 0 : Math.Min(_counts.Length - 1, (int)Math.Ceiling(Math.Log(milliseconds / Smallest) / Growth));
        lock (_gate)
        {
            _counts[bucket]++;
            _count++;
            _max = Math.Max(_max, milliseconds);
        }
    }

    public LatencySummary Summarise()
    {
        lock (_gate)
        {
            return _count == 0 ? new LatencySummary(0, 0, 0, 0) : new LatencySummary(At(0.50), At(0.90), At(0.99), _max);
        }
    }

    private double At(double quantile)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * _count));
        var seen = 0L;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                return Math.Round(Math.Min(_max, Smallest * Math.Exp(bucket * Growth)), 4);
            }
        }

        return _max;
    }
}
