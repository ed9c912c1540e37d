namespace CustomerEngine.Domain.Lifecycle;

/// <summary>
/// A change of lifecycle stage, at the (event) time it became true and with a reason a person can
/// read. Campaigns trigger on these, so they are kept in the customer's history.
/// </summary>
public sealed record LifecycleTransition(LifecycleStage From, LifecycleStage To, DateTimeOffset At, string Reason);
