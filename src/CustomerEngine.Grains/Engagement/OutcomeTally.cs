using System.Collections.Concurrent;
using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Engine-wide counts of suggestions presented, accepted and dismissed per action kind, for the
/// overview. The outcome recorder calls <see cref="Record"/> once per newly recorded outcome and
/// the suggestion path <see cref="Presented"/> once per suggestion shown. Thread-safe and
/// lock-free on the hot path. The counts cover this process's lifetime only, plus what the other
/// nodes alive report of theirs (<see cref="ReportElsewhere"/>): the learned propensities, not
/// this tally, are the durable record of outcomes.
/// </summary>
public sealed class OutcomeTally
{
    private readonly ConcurrentDictionary<string, Counts> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ActionKindOutcomes>> _elsewhere = new(StringComparer.Ordinal);

    /// <summary>A suggestion of <paramref name="kind"/> was shown to staff.</summary>
    public void Presented(string kind) => Interlocked.Increment(ref Of(kind).Presented);

    /// <summary>An outcome of a suggestion of <paramref name="kind"/> was newly recorded (not a repeat).</summary>
    public void Record(string kind, SuggestionOutcome outcome)
    {
        var counts = Of(kind);
        if (outcome == SuggestionOutcome.Accepted)
        {
            Interlocked.Increment(ref counts.Accepted);
        }
        else
        {
            Interlocked.Increment(ref counts.Dismissed);
        }
    }

    /// <summary>The counts of every kind seen so far on this node and those the other nodes reported, ordered by kind.</summary>
    public IReadOnlyList<ActionKindOutcomes> Read()
    {
        var own = ReadOwn();
        if (_elsewhere.IsEmpty)
        {
            return own;
        }

        return [.. own.Concat(_elsewhere.Values.SelectMany(theirs => theirs))
            .GroupBy(o => o.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ActionKindOutcomes(g.Key, g.Sum(o => o.Presented), g.Sum(o => o.Accepted), g.Sum(o => o.Dismissed)))];
    }

    /// <summary>This node's own counts of every kind seen so far, ordered by kind.</summary>
    public IReadOnlyList<ActionKindOutcomes> ReadOwn() =>
        [.. _byKind
            .OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new ActionKindOutcomes(k.Key, Interlocked.Read(ref k.Value.Presented), Interlocked.Read(ref k.Value.Accepted), Interlocked.Read(ref k.Value.Dismissed)))];

    /// <summary>Records the counts the node <paramref name="nodeId"/> reported of its own; null forgets that node (it is gone).</summary>
    public void ReportElsewhere(string nodeId, IReadOnlyList<ActionKindOutcomes>? counts)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        if (counts is null)
        {
            _elsewhere.TryRemove(nodeId, out _);
        }
        else
        {
            _elsewhere[nodeId] = counts;
        }
    }

    private Counts Of(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return _byKind.GetOrAdd(kind, static _ => new Counts());
    }

    // Fields, not properties, so they can be incremented in place with Interlocked.
    private sealed class Counts
    {
        public long Presented;
        public long Accepted;
        public long Dismissed;
    }
}
