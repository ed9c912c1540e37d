using CustomerEngine.Domain.Value;

namespace CustomerEngine.Grains.Value;

/// <summary>
/// The latest ranking of the whole customer base (RFM quintiles, tier thresholds). Replaced as a
/// whole by the periodic ranking; read by every grain.
/// </summary>
public sealed class ValueDistributionSnapshot
{
    private volatile ValueDistribution _current = ValueDistribution.Empty;

    /// <summary>The latest distribution.</summary>
    public ValueDistribution Current
    {
        get => _current;
        set => _current = value;
    }
}
