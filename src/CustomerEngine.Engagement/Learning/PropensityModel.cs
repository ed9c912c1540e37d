using System.Collections.Concurrent;

namespace CustomerEngine.Engagement.Learning;

/// <summary>
/// The engine-wide belief, per (action, segment), about how likely a suggestion is to be accepted,
/// learned from outcomes. Thread-safe: any number of customers sample and record at once.
/// </summary>
public sealed class PropensityModel
{
    private readonly ConcurrentDictionary<(string ActionId, string SegmentKey), Tally> _tallies = new();

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
        var tally = _tallies.GetValueOrDefault(Key(actionId, segmentKey));
        return new BetaPosterior(Prior.Alpha + tally.Accepted, Prior.Beta + tally.Dismissed);
    }

    /// <summary>The posterior mean acceptance rate of <paramref name="actionId"/> in <paramref name="segmentKey"/>.</summary>
    public double Mean(string actionId, string segmentKey) => Posterior(actionId, segmentKey).Mean;

    /// <summary>A Thompson draw of the acceptance rate (see <see cref="BetaPosterior.Sample"/>).</summary>
    public double Sample(string actionId, string segmentKey, Random random) => Posterior(actionId, segmentKey).Sample(random);

    /// <summary>Learns one outcome of <paramref name="actionId"/> in <paramref name="segmentKey"/>.</summary>
    public void Record(string actionId, string segmentKey, bool accepted) =>
        _tallies.AddOrUpdate(
            Key(actionId, segmentKey),
            static (_, accepted) => accepted ? new Tally(1, 0) : new Tally(0, 1),
            static (_, tally, accepted) => accepted ? tally with { Accepted = tally.Accepted + 1 } : tally with { Dismissed = tally.Dismissed + 1 },
            accepted);

    /// <summary>What the model believes for every (action, segment) it has outcomes for, ordered by action then segment.</summary>
    public IReadOnlyList<PropensityEstimate> Estimates() =>
        Snapshot().Counts
            .Select(c => new PropensityEstimate(
                c.ActionId, c.SegmentKey, c.Accepted, c.Dismissed, new BetaPosterior(Prior.Alpha + c.Accepted, Prior.Beta + c.Dismissed).Mean))
            .ToList();

    /// <summary>Everything learned, as plain records to persist.</summary>
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
