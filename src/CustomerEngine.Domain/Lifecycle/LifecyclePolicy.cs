using System.Collections.Concurrent;
using System.Globalization;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Text;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Lifecycle;

/// <summary>
/// Every lifecycle rule, in one place: what a purchase does to the stage, and which time-driven
/// transition comes next. Time-driven transitions have two sources (DOMAIN.md §2): the inactivity
/// windows, and, once a value model is fitted, P(alive) falling below a threshold; whichever is due
/// first fires, and its reason says which.
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

    // Asked on every event (for the next due time) while the thresholds come from a handful of rules,
    // so each reason is worded once.
    private static readonly ConcurrentDictionary<TimeSpan, string> NoPurchaseReasons = new();
    private static readonly ConcurrentDictionary<double, string> PAliveReasons = new();

    public static (LifecycleStage To, DateTimeOffset DueAt, string Reason)? NextTimeDriven(
        CustomerLifecycle lifecycle, CustomerStats stats, LifecycleRules rules, CustomerValueModel? model)
    {
        if (stats.LastPurchaseAt is not { } last)
        {
            return null;
        }

        (LifecycleStage To, TimeSpan After, double BelowPAlive)? rule = lifecycle.Stage switch
        {
            LifecycleStage.New or LifecycleStage.Active or LifecycleStage.WonBack => (LifecycleStage.AtRisk, rules.AtRiskAfter, rules.AtRiskBelowPAlive),
            LifecycleStage.AtRisk => (LifecycleStage.Churned, rules.ChurnedAfter, rules.ChurnedBelowPAlive),
            _ => null,
        };
        if (rule is not { } next)
        {
            return null;
        }

        var dueAt = last + next.After;
        var reason = NoPurchaseReasons.GetOrAdd(next.After, static after => "no purchase for " + DurationText.Describe(after));
        if (model is not null
            && ValueModelInput.Of(stats) is { } input
            && model.FallsBelow(input, next.BelowPAlive) is { } crossing
            && crossing < dueAt)
        {
            dueAt = crossing;
            reason = PAliveReasons.GetOrAdd(next.BelowPAlive, static threshold => string.Create(CultureInfo.InvariantCulture, $"P(alive) fell below {threshold}"));
        }

        // A newer fit can put a crossing before the current stage began; history never runs backwards.
        if (lifecycle.Since is { } since && dueAt < since)
        {
            dueAt = since;
        }

        return (next.To, dueAt, reason);
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

        // P(alive) only falls with time, so a churn threshold above the at-risk one would skip at-risk.
        if (!(rules.ChurnedBelowPAlive >= 0 && rules.ChurnedBelowPAlive <= rules.AtRiskBelowPAlive && rules.AtRiskBelowPAlive <= 1))
        {
            throw new ArgumentException(
                $"Lifecycle rules need 0 <= ChurnedBelowPAlive ({rules.ChurnedBelowPAlive}) <= AtRiskBelowPAlive ({rules.AtRiskBelowPAlive}) <= 1.",
                nameof(rules));
        }
    }
}
