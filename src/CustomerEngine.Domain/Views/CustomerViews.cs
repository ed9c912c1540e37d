using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// Builds the API's read models from a customer's state. The views show the state as it is:
/// to see time-driven stages that fell due since the last event, advance a copy of the state
/// with <see cref="CustomerEvolver.AdvanceTo"/> first.
/// </summary>
public static class CustomerViews
{
    /// <summary>
    /// The unified view of the customer as of <paramref name="now"/> (recency, RFM and the value
    /// model's forecast are measured at it); <paramref name="model"/> is null until a fit exists.
    /// </summary>
    public static Customer360 To360(CustomerState s, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model = null) =>
        Build(s, now, values, rules, model, copied: true);

    /// <summary>
    /// The unified view for one decision about the customer, made in the customer's turn: as
    /// <see cref="To360"/>, but its attributes, lifecycle history, recent interactions and merged
    /// ids read the state's own collections instead of copies. It is therefore valid only until the
    /// state next changes, like the state a decision reads beside it. A decision is made on most
    /// events and rarely reads those collections, and the copies were about a twentieth of what an
    /// ingested event allocated (decision 92).
    /// </summary>
    public static Customer360 ForDecision(CustomerState s, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model = null) =>
        Build(s, now, values, rules, model, copied: false);

    private static Customer360 Build(CustomerState s, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model, bool copied)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rules);
        var rfm = RfmInputOf(s);
        var forecast = ForecastOf(s, now, model);
        var stats = s.Stats;
        var satisfaction = s.Satisfaction;
        return new Customer360(
            s.CustomerId,
            s.Name,
            s.Kind,
            s.HomeStoreId,
            copied ? new Dictionary<string, string>(s.Attributes) : s.Attributes.AsReadOnly(),
            new LifecycleView(s.Lifecycle.Stage, s.Lifecycle.Since, copied ? [.. s.Lifecycle.History] : s.Lifecycle.History.AsReadOnly()),
            new ValueView(
                rfm.LastPurchaseAt is { } last ? ValueDistribution.RecencyDays(last, now) : null,
                rfm.Frequency,
                rfm.Monetary,
                values.Score(rfm, now),
                values.Tier(rfm, now, forecast?.LifetimeValue),
                forecast?.ProbabilityAlive,
                forecast?.ExpectedTransactions,
                forecast?.ExpectedSpend,
                forecast?.LifetimeValue),
            CustomerSegmentation.Evaluate(s, rules.Segments),
            new SatisfactionView(
                satisfaction.LastNps,
                NpsCategoryOf(satisfaction),
                satisfaction.LastCes,
                satisfaction.Responses,
                satisfaction.OpenComplaints.Count,
                satisfaction.ComplaintsResolved,
                satisfaction.ComplaintsResolved == 0 ? null : satisfaction.TotalResolutionTime.TotalHours / satisfaction.ComplaintsResolved),
            new StatsView(
                stats.Purchases,
                stats.Spend,
                stats.Returns,
                stats.ReturnedAmount,
                stats.Visits,
                stats.FirstPurchaseAt,
                stats.LastPurchaseAt,
                stats.LastSeenAt),
            s.Consent.ConvertAll(c => new ConsentView(c.Channel, c.Purpose, c.Granted, c.At)),
            new RecentInteractionViews(copied ? [.. s.Recent] : s.Recent),
            copied ? [.. s.MergedAnonymousIds] : s.MergedAnonymousIds.AsReadOnly());
    }

    /// <summary>The customer in one line as of <paramref name="now"/>.</summary>
    public static CustomerSummary ToSummary(CustomerState s, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rules);
        return new CustomerSummary(
            s.CustomerId,
            s.Name,
            s.Kind,
            s.Lifecycle.Stage,
            values.Tier(RfmInputOf(s), now, ForecastOf(s, now, model)?.LifetimeValue),
            s.HomeStoreId,
            s.LastStoreId,
            CustomerSegmentation.Evaluate(s, rules.Segments),
            NpsCategoryOf(s.Satisfaction),
            s.Satisfaction.OpenComplaints.Count,
            s.Stats.LastSeenAt);
    }

    /// <summary>The RFM inputs of the customer: purchase count, spend net of returns, last purchase.</summary>
    public static RfmInput RfmInputOf(CustomerState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new RfmInput(s.Stats.Purchases, s.Stats.Spend - s.Stats.ReturnedAmount, s.Stats.LastPurchaseAt);
    }

    /// <summary>The value model's forecast for the customer as of <paramref name="now"/>; null before a purchase or without a model.</summary>
    public static ValueForecast? ForecastOf(CustomerState s, DateTimeOffset now, CustomerValueModel? model)
    {
        ArgumentNullException.ThrowIfNull(s);
        return model is not null && ValueModelInput.Of(s.Stats) is { } input ? model.Forecast(input, now) : null;
    }

    private static NpsCategory? NpsCategoryOf(CustomerSatisfaction satisfaction) =>
        satisfaction.LastNps is { } nps ? NpsCategory.Of(nps) : null;
}
