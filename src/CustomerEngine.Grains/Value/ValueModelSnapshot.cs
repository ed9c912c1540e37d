using CustomerEngine.Domain.Value;

namespace CustomerEngine.Grains.Value;

/// <summary>
/// The value model of the latest successful fit (BG/NBD, Gamma-Gamma, CLV settings), or null until there is one.
/// Replaced as a whole when a fit succeeds; read by every grain, like <see cref="ValueDistributionSnapshot"/>.
/// </summary>
public sealed class ValueModelSnapshot
{
    private volatile CustomerValueModel? _current;

    /// <summary>The current model; null before the first successful fit.</summary>
    public CustomerValueModel? Current
    {
        get => _current;
        set => _current = value;
    }
}
