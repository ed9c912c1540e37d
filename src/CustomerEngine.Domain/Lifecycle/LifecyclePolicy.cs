using CustomerEngine.Domain.Text;

namespace CustomerEngine.Domain.Lifecycle;

/// <summary>
/// Every lifecycle rule, in one place: what a purchase does to the stage, and which time-driven
/// transition comes next. A probability-alive rule (DOMAIN.md §2) would be added here, as another
/// source of due transitions, without touching the fold.
/// </summary>
internal static class LifecyclePolicy
{
    public static (LifecycleStage To, string Reason)? OnPurchase(
        LifecycleStage current, DateTimeOffset? previousPurchaseAt, DateTimeOffset purchaseAt, LifecycleRules rules)
    {
        var withinWindow = previousPurchaseAt is { } previous && purchaseAt - previous <= rules.ActiveWindow;
        return current switch
        {
            LifecycleStage.Prospect => (LifecycleStage.New, "first purchase"),
            LifecycleStage.New or LifecycleStage.WonBack when withinWindow =>
                (LifecycleStage.Active, "repeat purchase within " + DurationText.Describe(rules.ActiveWindow)),
            LifecycleStage.AtRisk => (LifecycleStage.Active, "purchase while at risk"),
            LifecycleStage.Churned => (LifecycleStage.WonBack, "purchase after churn"),
            _ => null,
        };
    }

    public static (LifecycleStage To, DateTimeOffset DueAt, string Reason)? NextTimeDriven(
        LifecycleStage current, DateTimeOffset? lastPurchaseAt, LifecycleRules rules)
    {
        if (lastPurchaseAt is not { } last)
        {
            return null;
        }

        return current switch
        {
            LifecycleStage.New or LifecycleStage.Active or LifecycleStage.WonBack =>
                (LifecycleStage.AtRisk, last + rules.AtRiskAfter, "no purchase for " + DurationText.Describe(rules.AtRiskAfter)),
            LifecycleStage.AtRisk =>
                (LifecycleStage.Churned, last + rules.ChurnedAfter, "no purchase for " + DurationText.Describe(rules.ChurnedAfter)),
            _ => null,
        };
    }

    // Inconsistent thresholds would make stages flap or skip, so they are refused outright.
    public static void EnsureConsistent(LifecycleRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.ActiveWindow <= TimeSpan.Zero || rules.AtRiskAfter <= TimeSpan.Zero || rules.ChurnedAfter <= rules.AtRiskAfter)
        {
            throw new ArgumentException(
                $"Lifecycle rules need positive durations and ChurnedAfter ({rules.ChurnedAfter}) longer than AtRiskAfter ({rules.AtRiskAfter}).",
                nameof(rules));
        }
    }
}
