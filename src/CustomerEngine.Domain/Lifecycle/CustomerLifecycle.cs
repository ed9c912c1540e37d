using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Lifecycle;

/// <summary>A customer's current lifecycle stage and how it got there (part of the customer state).</summary>
public sealed class CustomerLifecycle
{
    private OptionalTime _since;

    /// <summary>The current stage.</summary>
    public LifecycleStage Stage { get; set; } = LifecycleStage.Prospect;

    /// <summary>When the current stage began; null until the customer's first event.</summary>
    public DateTimeOffset? Since
    {
        get => _since.Value;
        set => _since = new(value);
    }

    /// <summary>Every transition, oldest first.</summary>
    public List<LifecycleTransition> History { get; set; } = [];
}
