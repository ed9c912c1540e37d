using System.Globalization;
using CustomerEngine.Domain.Events;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Samples.BirthdayWeek;

/// <summary>
/// Proposes the birthday treat to a customer whose birthday (the <see cref="BirthdayHandler.MonthDayAttribute"/>
/// attribute) is within <see cref="DaysAround"/> days of the moment of the decision, with a reason
/// such as "Birthday on 24 Nov (in 1 day)".
/// </summary>
/// <remarks>
/// The action is the plug-in's own (<see cref="Treat"/>), so nothing needs adding to the catalog.
/// Marketing may still take it over: when the catalog holds actions of kind <see cref="ActionKind"/>,
/// those are proposed instead, with the placeholders <c>{name}</c>, <c>{date}</c> and <c>{when}</c>
/// filled. Eligibility, consent, the contact policy and ranking stay the arbitrator's.
/// </remarks>
public sealed class BirthdayTreatProvider : ICandidateActionProvider
{
    /// <summary>The provider's name, in logs, metrics and the source of its candidates.</summary>
    public const string ProviderName = "birthdayWeek.treat";

    /// <summary>The plug-in's own action kind.</summary>
    public const string ActionKind = "birthdayTreat";

    /// <summary>How many days before or after the birthday the treat is offered.</summary>
    public const int DaysAround = 3;

    /// <summary>
    /// The birthday treat: for consumers only (organisations have no birthday), not a sale (so it
    /// stays on offer during service recovery), valid for a day once presented.
    /// </summary>
    public static ActionDefinition Treat { get; } = new(
        Id: "birthday-week-treat",
        Kind: ActionKind,
        Title: "Wish {name} a happy birthday and offer the birthday treat",
        ReasonTemplate: "Birthday on {date} ({when})",
        Value: 35)
    {
        Eligibility = new ActionEligibility { CustomerKinds = [CustomerKind.Individual] },
        Validity = TimeSpan.FromDays(1),
        Sales = false,
    };

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Time is the context's, never the clock's: the engine's clock is UTC, so is the day.
        var today = DateOnly.FromDateTime(context.Now.DateTime);
        if (!context.Customer.Attributes.TryGetValue(BirthdayHandler.MonthDayAttribute, out var monthDay)
            || Birthday.Nearest(monthDay, today) is not { } birthday
            || Math.Abs(birthday.Days) > DaysAround)
        {
            return [];
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = string.IsNullOrWhiteSpace(context.Customer.Name) ? "the customer" : context.Customer.Name,
            ["date"] = birthday.Date.ToString("d MMM", CultureInfo.InvariantCulture),
            ["when"] = When(birthday.Days),
        };
        var actions = context.Catalog.OfKind(ActionKind).ToList();
        if (actions.Count == 0)
        {
            actions.Add(Treat);
        }

        return actions.Select(action => new ActionCandidate(
            action with { Title = ReasonTemplate.Fill(action.Title, values) },
            [ReasonTemplate.Fill(action.ReasonTemplate, values)]));
    }

    /// <summary>"today", "in 1 day", "in 3 days", "1 day ago", "2 days ago".</summary>
    public static string When(int days) => days switch
    {
        0 => "today",
        1 => "in 1 day",
        -1 => "1 day ago",
        > 0 => $"in {days.ToString(CultureInfo.InvariantCulture)} days",
        _ => $"{(-days).ToString(CultureInfo.InvariantCulture)} days ago",
    };
}
