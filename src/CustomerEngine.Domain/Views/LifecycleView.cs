using CustomerEngine.Domain.Lifecycle;

namespace CustomerEngine.Domain.Views;

/// <summary>The lifecycle part of <see cref="Customer360"/>: the stage, since when, and every transition.</summary>
public sealed record LifecycleView(LifecycleStage Stage, DateTimeOffset? Since, IReadOnlyList<LifecycleTransition> History);
