using System.Collections.Concurrent;

namespace CustomerEngine.Host.Ingestion;

/// <summary>
/// Counts accepted events per second of the engine's clock, for the last
/// <see cref="HistorySeconds"/> seconds, in a ring of one slot per second. Ingestion records every
/// batch, so recording is one compare-and-swap and takes no lock; reading is cheap too, and may
/// miss a batch being recorded at that instant, which a rate on a dashboard can afford. Readings
/// add the seconds other nodes sharing the store reported (<see cref="ReportElsewhere"/>).
/// </summary>
public sealed class AcceptedEventRate(TimeProvider clock)
{
    /// <summary>How many whole seconds before the current one are kept.</summary>
    public const int HistorySeconds = 300;

    private const int RateWindowSeconds = 10;
    private const int MinuteSeconds = 60;

    // Each slot packs the second it counts (low 32 bits of the Unix second) in its high half and
    // the count in its low half, so a slot is claimed for a new second and counted in one atomic
    // step: a separate stamp and count could lose a batch between resetting one and the other.
    private readonly long[] _slots = new long[HistorySeconds + 1];

    // Each other node's counts by Unix second, replaced whole on every report.
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<long, long>> _elsewhere = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="accepted"/> events to the current second.</summary>
    public void Record(int accepted)
    {
        if (accepted <= 0)
        {
            return;
        }

        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        var stamp = (long)(uint)second << 32;
        ref var slot = ref _slots[SlotOf(second)];
        while (true)
        {
            var seen = Volatile.Read(ref slot);
            var next = (seen & ~0xFFFF_FFFFL) == stamp ? seen + accepted : stamp | (uint)accepted;
            if (Interlocked.CompareExchange(ref slot, next, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>The rate now: over the last 10 whole seconds, the last minute, and each of the last <see cref="HistorySeconds"/> seconds.</summary>
    public AcceptedEventRateReading Read()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var history = new long[HistorySeconds];
        for (var i = 0; i < HistorySeconds; i++)
        {
            history[i] = CountOf(now - HistorySeconds + i);
        }

        var current = CountOf(now);
        foreach (var counts in _elsewhere.Values)
        {
            foreach (var (second, count) in counts)
            {
                var at = second - (now - HistorySeconds);
                if (at >= 0 && at < HistorySeconds)
                {
                    history[at] += count;
                }
                else if (second == now)
                {
                    current += count;
                }
            }
        }

        long lastTen = 0;
        long lastMinute = current;
        for (var i = 1; i <= MinuteSeconds; i++)
        {
            var count = history[HistorySeconds - i];
            lastTen += i <= RateWindowSeconds ? count : 0;
            lastMinute += i < MinuteSeconds ? count : 0;
        }

        return new AcceptedEventRateReading((double)lastTen / RateWindowSeconds, lastMinute, history);
    }

    /// <summary>
    /// This node's own counts of the <paramref name="seconds"/> whole seconds before the current
    /// one, oldest first, and the Unix second of the last of them.
    /// </summary>
    public (long LastSecond, long[] Counts) ReadOwn(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, HistorySeconds);
        var last = clock.GetUtcNow().ToUnixTimeSeconds() - 1;
        var counts = new long[seconds];
        for (var i = 0; i < seconds; i++)
        {
            counts[i] = CountOf(last - seconds + 1 + i);
        }

        return (last, counts);
    }

    /// <summary>
    /// Records what the node <paramref name="nodeId"/> counted in the seconds ending with
    /// <paramref name="lastSecond"/> (oldest first). A second reported again replaces what was
    /// reported of it; seconds older than the history are dropped.
    /// </summary>
    public void ReportElsewhere(string nodeId, long lastSecond, IReadOnlyList<long> counts)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentNullException.ThrowIfNull(counts);
        var oldest = clock.GetUtcNow().ToUnixTimeSeconds() - HistorySeconds;
        _elsewhere.AddOrUpdate(
            nodeId,
            static (_, arg) => Merge(new Dictionary<long, long>(), arg.lastSecond, arg.counts, arg.oldest),
            static (_, kept, arg) => Merge(new Dictionary<long, long>(kept), arg.lastSecond, arg.counts, arg.oldest),
            (lastSecond, counts, oldest));
    }

    /// <summary>Forgets what the node <paramref name="nodeId"/> reported (it is gone).</summary>
    public void ForgetElsewhere(string nodeId) => _elsewhere.TryRemove(nodeId, out _);

    private static Dictionary<long, long> Merge(Dictionary<long, long> counts, long lastSecond, IReadOnlyList<long> reported, long oldest)
    {
        for (var i = 0; i < reported.Count; i++)
        {
            counts[lastSecond - reported.Count + 1 + i] = reported[i];
        }

        foreach (var second in counts.Keys.Where(second => second < oldest).ToList())
        {
            counts.Remove(second);
        }

        return counts;
    }

    private long CountOf(long second)
    {
        var seen = Volatile.Read(ref _slots[SlotOf(second)]);
        return (seen & ~0xFFFF_FFFFL) == (long)(uint)second << 32 ? seen & 0xFFFF_FFFFL : 0;
    }

    private int SlotOf(long second) => (int)(((second % _slots.Length) + _slots.Length) % _slots.Length);
}
