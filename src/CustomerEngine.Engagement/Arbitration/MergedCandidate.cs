using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>
/// Every proposal of one action id gathered into one: the first proposal's definition, every
/// distinct reason in order, the product of the providers' weights, the largest value override,
/// and the providers' names.
/// </summary>
internal sealed class MergedCandidate
{
    // A candidate has a handful of reasons, so a list searched in order (string equality is ordinal)
    // is cheaper than a set.
    private readonly List<string> _reasons;
    private readonly List<string> _sources;

    public MergedCandidate(ActionCandidate first, string source)
    {
        Action = first.Action;
        Weight = first.ContextWeight;
        ValueOverride = first.ValueOverride;
        _reasons = new List<string>(first.Reasons.Count);
        AddReasons(first.Reasons);
        _sources = [source];
    }

    public ActionDefinition Action { get; }

    public double Weight { get; private set; }

    public double? ValueOverride { get; private set; }

    public IReadOnlyList<string> Reasons => _reasons;

    public void Add(ActionCandidate other, string source)
    {
        AddReasons(other.Reasons);

        Weight *= other.ContextWeight;
        if (other.ValueOverride is { } value && (ValueOverride is not { } kept || value > kept))
        {
            ValueOverride = value;
        }

        if (!_sources.Contains(source))
        {
            _sources.Add(source);
        }
    }

    public ActionCandidate ToCandidate() => new(Action, _reasons.ToArray(), Weight, ValueOverride, _sources.Count == 1 ? _sources[0] : string.Join("+", _sources));

    private void AddReasons(IReadOnlyList<string> reasons)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            var reason = reasons[i];
            if (!string.IsNullOrWhiteSpace(reason) && !_reasons.Contains(reason))
            {
                _reasons.Add(reason);
            }
        }
    }
}
