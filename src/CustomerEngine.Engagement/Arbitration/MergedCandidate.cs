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
    private readonly ActionCandidate _first;
    private readonly string _firstSource;

    // Most actions are proposed by one provider with clean reasons: the merge then stays the
    // provider's own candidate, and these lists are only made for a second proposal. A candidate has
    // a handful of reasons, so a list searched in order (string equality is ordinal) beats a set.
    private List<string>? _reasons;
    private List<string>? _sources;
    private ActionCandidate? _merged;

    public MergedCandidate(ActionCandidate first, string source)
    {
        _first = first;
        _firstSource = source;
        Action = first.Action;
        Weight = first.ContextWeight;
        ValueOverride = first.ValueOverride;
        if (!AreClean(first.Reasons))
        {
            _reasons = new List<string>(first.Reasons.Count);
            AddReasons(first.Reasons);
        }
    }

    public ActionDefinition Action { get; }

    public double Weight { get; private set; }

    public double? ValueOverride { get; private set; }

    public IReadOnlyList<string> Reasons => _reasons ?? _first.Reasons;

    public void Add(ActionCandidate other, string source)
    {
        if (_reasons is null)
        {
            _reasons = new List<string>(_first.Reasons.Count + other.Reasons.Count);
            _reasons.AddRange(_first.Reasons);
        }

        AddReasons(other.Reasons);
        _sources ??= [_firstSource];
        _merged = null;

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

    // A provider's own candidate is kept when it already says everything the merge would (its
    // reasons an array of ours, not a list the provider might still change).
    public ActionCandidate ToCandidate() => _merged ??=
        _reasons is null && _sources is null && _first.Reasons is string[] && string.Equals(_first.Source, _firstSource, StringComparison.Ordinal)
            ? _first
            : new(Action, [.. Reasons], Weight, ValueOverride, _sources is null ? _firstSource : string.Join("+", _sources));

    private static bool AreClean(IReadOnlyList<string> reasons)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(reasons[i]))
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(reasons[i], reasons[j], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void AddReasons(IReadOnlyList<string> reasons)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            var reason = reasons[i];
            if (!string.IsNullOrWhiteSpace(reason) && !_reasons!.Contains(reason))
            {
                _reasons.Add(reason);
            }
        }
    }
}
