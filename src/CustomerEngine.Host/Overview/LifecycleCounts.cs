namespace CustomerEngine.Host.Overview;

/// <summary>Customers per lifecycle stage (the stages' API names are the JSON names).</summary>
/// <param name="Prospect">Registered or seen, no purchase yet.</param>
/// <param name="New">One purchase.</param>
/// <param name="Active">Buying regularly.</param>
/// <param name="AtRisk">Overdue for a purchase.</param>
/// <param name="Churned">Gone quiet for good.</param>
/// <param name="WonBack">Came back after churning.</param>
public sealed record LifecycleCounts(long Prospect, long New, long Active, long AtRisk, long Churned, long WonBack);
