using System.Collections.Concurrent;

namespace CustomerEngine.Engagement.Learning;

/// <summary>
/// The engine-wide belief, per (action, segment), about how likely a suggestion is to be accepted,
/// learned from outcomes. Thread-safe: any number of customers sample and record at once.
/// </summary>
public sealed class PropensityModel
{
    private readonly ConcurrentDictionary<(string ActionId, string SegmentKey), Tally> _tallies = new();

    // What other nodes sharing the store learned, as they last reported it; replaced whole.
    private volatile Dictionary<(string ActionId, string SegmentKey), Tally> _elsewhere = [];
    private long _changes;

    /// <summary>Creates a model that has learned nothing.</summary>
    /// <param name="prior">Where every posterior starts; Beta(1, 1) when null.</param>
    /// <exception cref="ArgumentException">The prior's parameters are not positive and finite.</exception>
    public PropensityModel(BetaPosterior? prior = null)
    {
        Prior = prior ?? BetaPosterior.Uniform;
        if (!Prior.IsValid)
        {
            throw new ArgumentException($"The prior Beta({Prior.Alpha}, {Prior.Beta}) must have positive, finite parameters.", nameof(prior));
        }
    }

    /// <summary>The prior every posterior starts from.</summary>
    public BetaPosterior Prior { get; }

    /// <summary>The current belief about <paramref name="actionId"/> in <paramref name="segmentKey"/>.</summary>
    public BetaPosterior Posterior(string actionId, string segmentKey)
    {
        var key = Key(actionId, segmentKey);
        var tally = _tallies.GetValueOrDefault(key);
        var elsewhere = _elsewhere;
        if (elsewhere.Count > 0 && elsewhere.TryGetValue(key, out var theirs))
        {
            tally = new Tally(tally.Accepted + theirs.Accepted, tally.Dismissed + theirs.Dismissed);
        }

        return new BetaPosterior(Prior.Alpha + tally.Accepted, Prior.Beta + tally.Dismissed);
    }

    /// <summary>Grows with every outcome learned here (not with <see cref="SetElsewhere"/>).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>
    /// Sets what the other nodes sharing the store have learned, together, as they last reported it:
    /// every posterior and estimate adds it to what this node learned. <see cref="Snapshot"/> stays
    /// this node's own.
    /// </summary>
    public void SetElsewhere(IEnumerable<PropensityCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var elsewhere = new Dictionary<(string, string), Tally>();
        foreach (var c in counts)
        {
            var key = Key(c.ActionId, c.SegmentKey);
            var tally = elsewhere.GetValueOrDefault(key);
            elsewhere[key] = new Tally(tally.Accepted + c.Accepted, tally.Dismissed + c.Dismissed);
        }

        _elsewhere = elsewhere;
    }

    /// <summary>Makes what <paramref name="snapshot"/> learned this node's own (a gone node's, taken over).</summary>
    public void Absorb(PropensitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var c in snapshot.Counts)
        {
            _tallies.AddOrUpdate(
                Key(c.ActionId, c.SegmentKey),
                static (_, c) => new Tally(c.Accepted, c.Dismissed),
                static (_, tally, c) => new Tally(tally.Accepted + c.Accepted, tally.Dismissed + c.Dismissed),
                c);
        }

        Interlocked.Increment(ref _changes);
    }

    /// <summary>The posterior mean acceptance rate of <paramref name="actionId"/> in <paramref name="segmentKey"/>.</summary>
    public double Mean(string actionId, string segmentKey) => Posterior(actionId, segmentKey).Mean;

    /// <summary>A Thompson draw of the acceptance rate (see <see cref="BetaPosterior.Sample"/>).</summary>
    public double Sample(string actionId, string segmentKey, Random random) => Posterior(actionId, segmentKey).Sample(random);

    /// <summary>Learns one outcome of <paramref name="actionId"/> in <paramref name="segmentKey"/>.</summary>
    public void Record(string actionId, string segmentKey, bool accepted)
    {
        _tallies.AddOrUpdate(
            Key(actionId, segmentKey),
            static (_, accepted) => accepted ? new Tally(1, 0) : new Tally(0, 1),
            static (_, tally, accepted) => accepted ? tally with { Accepted = tally.Accepted + 1 } : tally with { Dismissed = tally.Dismissed + 1 },
            accepted);
        Interlocked.Increment(ref _changes);
    }

    /// <summary>What the model believes for every (action, segment) it or another node has outcomes for, ordered by action then segment.</summary>
    public IReadOnlyList<PropensityEstimate> Estimates()
    {
        var all = new Dictionary<(string ActionId, string SegmentKey), Tally>(_elsewhere);
        foreach (var (key, tally) in _tallies)
        {
            var theirs = all.GetValueOrDefault(key);
            all[key] = new Tally(tally.Accepted + theirs.Accepted, tally.Dismissed + theirs.Dismissed);
        }

        return all
            .OrderBy(pair => pair.Key.ActionId, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.SegmentKey, StringComparer.Ordinal)
            .Select(pair => new PropensityEstimate(
                pair.Key.ActionId, pair.Key.SegmentKey, pair.Value.Accepted, pair.Value.Dismissed,
                new BetaPosterior(Prior.Alpha + pair.Value.Accepted, Prior.Beta + pair.Value.Dismissed).Mean))
            .ToList();
    }

    /// <summary>Everything learned on this node, as plain records to persist.</summary>
    public PropensitySnapshot Snapshot() =>
        new(
            Prior,
            _tallies
                .Select(pair => new PropensityCounts(pair.Key.ActionId, pair.Key.SegmentKey, pair.Value.Accepted, pair.Value.Dismissed))
                .OrderBy(c => c.ActionId, StringComparer.Ordinal)
                .ThenBy(c => c.SegmentKey, StringComparer.Ordinal)
                .ToList());

    /// <summary>A model holding what <paramref name="snapshot"/> holds, with its prior.</summary>
    /// <exception cref="ArgumentException">A count is negative or a key is empty.</exception>
    public static PropensityModel Restore(PropensitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = new PropensityModel(snapshot.Prior);
        foreach (var counts in snapshot.Counts)
        {
            if (counts is null || counts.Accepted < 0 || counts.Dismissed < 0)
            {
                throw new ArgumentException("Snapshot counts must be present and not negative.", nameof(snapshot));
            }

            var key = Key(counts.ActionId, counts.SegmentKey);
            var tally = model._tallies.GetValueOrDefault(key);
            model._tallies[key] = new Tally(tally.Accepted + counts.Accepted, tally.Dismissed + counts.Dismissed);
        }

        return model;
    }

    private static (string, string) Key(string actionId, string segmentKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        ArgumentException.ThrowIfNullOrEmpty(segmentKey);
        return (actionId, segmentKey);
    }

    private readonly record struct Tally(long Accepted, long Dismissed);
}
