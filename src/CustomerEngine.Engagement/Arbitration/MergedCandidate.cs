using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>
/// Every proposal of one action id gathered into one: the first proposal's definition, every
/// distinct reason in order, the product of the providers' weights, the largest value override,
/// and the providers' names.
/// </summary>
internal sealed class MergedCandidate(ActionCandidate first, string source)
{
    private readonly List<string> _reasons = [.. first.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal)];
    private readonly List<string> _sources = [source];

    public ActionDefinition Action { get; } = first.Action;

    public double Weight { get; private set; } = first.ContextWeight;

    public double? ValueOverride { get; private set; } = first.ValueOverride;

    public IReadOnlyList<string> Reasons => _reasons;

    public void Add(ActionCandidate other, string source)
    {
        foreach (var reason in other.Reasons)
        {
            if (!string.IsNullOrWhiteSpace(reason) && !_reasons.Contains(reason, StringComparer.Ordinal))
            {
                _reasons.Add(reason);
            }
        }

        Weight *= other.ContextWeight;
        if (other.ValueOverride is { } value && (ValueOverride is not { } kept || value > kept))
        {
            ValueOverride = value;
        }

        if (!_sources.Contains(source, StringComparer.Ordinal))
        {
            _sources.Add(source);
        }
    }

    public ActionCandidate ToCandidate() => new(Action, _reasons.ToArray(), Weight, ValueOverride, string.Join("+", _sources));
}
