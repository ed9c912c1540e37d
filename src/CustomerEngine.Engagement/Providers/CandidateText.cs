using System.Globalization;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>The words the built-in providers put into titles and reasons.</summary>
internal static class CandidateText
{
    /// <summary>The placeholders every provider fills: {name}, {stage}, {tier}, {kind}, {store}; a provider adds its own.</summary>
    public static PlaceholderWords Common(EngagementContext context) => new(context.CommonWords ??= CommonWords(context));

    // Made once per decision and shared by the providers, which only read it: five words, so an
    // array searched in order rather than a dictionary.
    private static KeyValuePair<string, string>[] CommonWords(EngagementContext context)
    {
        var customer = context.Customer;
        return
        [
            new("name", string.IsNullOrWhiteSpace(customer.Name) ? "the customer" : customer.Name),
            new("stage", StageWords(customer.Lifecycle.Stage)),
            new("tier", customer.Value.Tier is { } tier ? TierWords(tier) : "unranked"),
            new("kind", customer.Kind == Domain.Events.CustomerKind.Organization ? "organisation" : "consumer"),
            new("store", context.PresentInStoreId ?? context.State.LastStoreId ?? customer.HomeStoreId ?? "the store"),
        ];
    }

    /// <summary>
    /// A candidate for each of the catalog's actions of <paramref name="kind"/>: its title and reason
    /// template filled from <paramref name="values"/>, the filled template as the first reason, then
    /// <paramref name="details"/> (all of them, or only for actions whose template lacks the placeholder
    /// <paramref name="detailsUnless"/>, which already says them).
    /// </summary>
    public static ActionCandidate[] Candidates(
        EngagementContext context, string kind, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> details, string source, string? detailsUnless = null)
    {
        var actions = context.Catalog.OfKind(kind);
        if (actions.Count == 0)
        {
            return [];
        }

        var candidates = new ActionCandidate[actions.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            var action = actions[i];
            var ownDetails = detailsUnless is not null && action.ReasonTemplate.Contains(detailsUnless, StringComparison.Ordinal) ? [] : details;
            candidates[i] = Candidate(action, values, ownDetails, source);
        }

        return candidates;
    }

    private static ActionCandidate Candidate(ActionDefinition action, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> details, string source)
    {
        var title = ReasonTemplate.Fill(action.Title, values);
        var reasons = new string[1 + details.Count];
        reasons[0] = ReasonTemplate.Fill(action.ReasonTemplate, values);
        for (var i = 0; i < details.Count; i++)
        {
            reasons[i + 1] = details[i];
        }

        return new ActionCandidate(string.Equals(title, action.Title, StringComparison.Ordinal) ? action : action with { Title = title }, reasons, Source: source);
    }

    /// <summary>The reasons of the first <paramref name="max"/> of <paramref name="items"/>, as a candidate's details.</summary>
    public static string[] Details<T>(IReadOnlyList<T> items, int max, Func<T, string> reason)
    {
        var details = new string[Math.Min(items.Count, Math.Max(0, max))];
        for (var i = 0; i < details.Length; i++)
        {
            details[i] = reason(items[i]);
        }

        return details;
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="now"/>, never negative.</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset now) => (int)Math.Max(0, (now - from).Ticks / TimeSpan.TicksPerDay);

    /// <summary>A whole number in invariant digits.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"today", "yesterday" or "5 days ago".</summary>
    public static string Ago(int days) => Cached(AgoWords, days, static days => days switch
    {
        0 => "today",
        1 => "yesterday",
        _ => Number(days) + " days ago",
    });

    /// <summary>"1 day" or "5 days".</summary>
    public static string Days(int days) => Cached(DayWords, days, static days => days == 1 ? "1 day" : Number(days) + " days");

    /// <summary>
    /// Fills the placeholders of a time in days: <c>{days}</c> (the number, "12"), <c>{since}</c>
    /// ("today", "yesterday", "12 days ago") and <c>{period}</c> ("1 day", "12 days"); for no
    /// time known, "many", "long ago" and "a long time".
    /// </summary>
    public static void PutDays(PlaceholderWords values, int? days)
    {
        values["days"] = days is { } known ? Cached(NumberWords, known, static days => Number(days)) : "many";
        values["since"] = days is { } ago ? Ago(ago) : "long ago";
        values["period"] = days is { } period ? Days(period) : "a long time";
    }

    // The words of each whole number of days up to about three years, made once: every decision
    // words a time in days for several providers.
    private static readonly string?[] NumberWords = new string?[1100];
    private static readonly string?[] AgoWords = new string?[1100];
    private static readonly string?[] DayWords = new string?[1100];

    private static string Cached(string?[] words, int days, Func<int, string> make) =>
        (uint)days < (uint)words.Length ? words[days] ??= make(days) : make(days);

    /// <summary>A share as a whole percentage, e.g. "34%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string StageWords(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Prospect => "prospective",
        LifecycleStage.New => "new",
        LifecycleStage.Active => "active",
        LifecycleStage.AtRisk => "at-risk",
        LifecycleStage.Churned => "lapsed",
        LifecycleStage.WonBack => "won-back",
        _ => stage.ToString(),
    };

    private static string TierWords(ValueTier tier) => tier switch
    {
        ValueTier.High => "high",
        ValueTier.Medium => "medium",
        _ => "low",
    };
}
