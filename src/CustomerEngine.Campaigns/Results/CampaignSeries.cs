namespace CustomerEngine.Campaigns.Results;

/// <summary>
/// A campaign's counts over time in buckets that start narrow (10 s by default) and double in
/// width whenever there would be more than <see cref="MaxBuckets"/> of them, so a campaign of a
/// minute and one of a month both draw a chart of at most a few hundred points. Thread-safe.
/// </summary>
public sealed class CampaignSeries
{
    /// <summary>The most buckets kept.</summary>
    public const int MaxBuckets = 360;

    private const int Width = 6;
    private readonly Lock _lock = new();
    private readonly List<long[]> _buckets = [];
    private DateTimeOffset? _start;
    private long _bucketTicks;

    /// <summary>An empty series with buckets of <paramref name="bucket"/> to begin with.</summary>
    public CampaignSeries(TimeSpan bucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucket, TimeSpan.FromSeconds(1));
        _bucketTicks = bucket.Ticks;
    }

    /// <summary>The current width of a bucket.</summary>
    public TimeSpan Bucket
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromTicks(_bucketTicks);
            }
        }
    }

    /// <summary>Counts one <paramref name="metric"/> of a group at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, bool holdout, SeriesMetric metric)
    {
        lock (_lock)
        {
            BucketAt(at)[(holdout ? 3 : 0) + (int)metric]++;
        }
    }

    /// <summary>
    /// Adds every count of another series (another node's), each at the start of its bucket, so the
    /// sum keeps this series' buckets, coarsened as the other's span needs.
    /// </summary>
    public void Absorb(CampaignSeriesSnapshot? other)
    {
        if (other is not { Start: { } start, BucketSeconds: > 0 } || !other.Buckets.TrueForAll(b => b.Length == Width))
        {
            return;
        }

        var width = TimeSpan.FromSeconds(other.BucketSeconds);
        lock (_lock)
        {
            for (var i = 0; i < other.Buckets.Count; i++)
            {
                var counts = other.Buckets[i];
                if (Array.TrueForAll(counts, count => count == 0))
                {
                    continue;
                }

                var bucket = BucketAt(start + (width * i));
                for (var k = 0; k < Width; k++)
                {
                    bucket[k] += counts[k];
                }
            }
        }
    }

    /// <summary>Every bucket from the first to the latest counted, empty ones included.</summary>
    public IReadOnlyList<SeriesPoint> Points()
    {
        lock (_lock)
        {
            if (_start is not { } start)
            {
                return [];
            }

            var points = new SeriesPoint[_buckets.Count];
            for (var i = 0; i < points.Length; i++)
            {
                var b = _buckets[i];
                points[i] = new SeriesPoint(start + TimeSpan.FromTicks(_bucketTicks * i), new SeriesCounts(b[0], b[1], b[2]), new SeriesCounts(b[3], b[4], b[5]));
            }

            return points;
        }
    }

    /// <summary>The stored form.</summary>
    public CampaignSeriesSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new CampaignSeriesSnapshot
            {
                Start = _start,
                BucketSeconds = _bucketTicks / TimeSpan.TicksPerSecond,
                Buckets = [.. _buckets.Select(b => (long[])b.Clone())],
            };
        }
    }

    /// <summary>A series as stored; an unusable snapshot gives an empty series of <paramref name="bucket"/>.</summary>
    public static CampaignSeries Restore(CampaignSeriesSnapshot? snapshot, TimeSpan bucket)
    {
        var series = new CampaignSeries(bucket);
        if (snapshot is { Start: { } start, BucketSeconds: > 0 } && snapshot.Buckets.Count <= MaxBuckets && snapshot.Buckets.TrueForAll(b => b.Length == Width))
        {
            series._start = start;
            series._bucketTicks = snapshot.BucketSeconds * TimeSpan.TicksPerSecond;
            series._buckets.AddRange(snapshot.Buckets.Select(b => (long[])b.Clone()));
        }

        return series;
    }

    // The bucket that counts what happens at `at`, made (and the series coarsened) as needed; under the lock.
    private long[] BucketAt(DateTimeOffset at)
    {
        // Counts never go before the first bucket: a late conversion lands in it.
        var start = _start ??= new DateTimeOffset(at.UtcTicks - (at.UtcTicks % _bucketTicks), TimeSpan.Zero);
        var index = at <= start ? 0 : (int)Math.Min(int.MaxValue, (at - start).Ticks / _bucketTicks);
        while (index >= MaxBuckets)
        {
            Coarsen();
            index = (int)((at - start).Ticks / _bucketTicks);
        }

        while (_buckets.Count <= index)
        {
            _buckets.Add(new long[Width]);
        }

        return _buckets[index];
    }

    private void Coarsen()
    {
        var merged = new List<long[]>((_buckets.Count + 1) / 2);
        for (var i = 0; i < _buckets.Count; i += 2)
        {
            var sum = (long[])_buckets[i].Clone();
            if (i + 1 < _buckets.Count)
            {
                for (var k = 0; k < Width; k++)
                {
                    sum[k] += _buckets[i + 1][k];
                }
            }

            merged.Add(sum);
        }

        _buckets.Clear();
        _buckets.AddRange(merged);
        _bucketTicks *= 2;
    }
}
