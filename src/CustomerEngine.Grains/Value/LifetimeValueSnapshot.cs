using CustomerEngine.Domain.Value;

namespace CustomerEngine.Grains.Value;

/// <summary>The spread of lifetime value over the base, as of the last ranking with a fitted model (null before).</summary>
public sealed class LifetimeValueSnapshot
{
    private volatile LifetimeValueHistogram? _current;

    /// <summary>The latest histogram, or null when no model has been fitted yet.</summary>
    public LifetimeValueHistogram? Current
    {
        get => _current;
        set => _current = value;
    }
}
