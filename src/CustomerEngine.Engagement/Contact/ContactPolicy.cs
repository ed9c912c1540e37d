using System.Globalization;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Engagement.Contact;

/// <summary>
/// The contact rules over a customer's history. Service recovery answers the customer's own
/// complaint, so it is neither limited by nor counted in the daily cap, and only an accepted
/// recovery holds it back for the repeat window: one that merely expired unanswered must be able to
/// come back while the complaint is still open.
/// </summary>
internal static class ContactPolicy
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Why <paramref name="action"/>, not current now, may not be presented again; null when it may.</summary>
    public static (SuppressionReason Reason, string Detail)? Blocks(ContactHistory history, ActionDefinition action, DateTimeOffset now, ContactPolicyOptions options)
    {
        var recovery = action.Kind == ActionKinds.ServiceRecovery;
        (SuppressionReason, string)? repeat = null;
        // A loop without an enumerator: it runs for every candidate of every decision.
        for (var i = 0; i < history.Presentations.Count; i++)
        {
            var p = history.Presentations[i];
            if (!string.Equals(p.ActionId, action.Id, StringComparison.Ordinal))
            {
                continue;
            }

            if (p is { Outcome: SuggestionOutcome.Dismissed, OutcomeAt: { } dismissedAt } && dismissedAt + options.DeclineCooldown > now)
            {
                return (SuppressionReason.Cooldown, $"dismissed at {Time(dismissedAt)}; cool-down until {Time(dismissedAt + options.DeclineCooldown)}");
            }

            if (p.EndAsOf(now) is { } endedAt && endedAt + options.RepeatWindow > now
                && (!recovery || p.Outcome == SuggestionOutcome.Accepted))
            {
                repeat ??= (SuppressionReason.RepeatWindow, $"presented at {Time(p.PresentedAt)} until {Time(endedAt)}; not again before {Time(endedAt + options.RepeatWindow)}");
            }
        }

        return repeat;
    }

    /// <summary>Whether a presentation counts toward the daily cap.</summary>
    public static bool CountsTowardCap(string kind) => kind != ActionKinds.ServiceRecovery;

    /// <summary>The presentations in the 24 hours up to <paramref name="now"/> that count toward the cap.</summary>
    public static int PresentedInLastDay(ContactHistory history, DateTimeOffset now)
    {
        var count = 0;
        for (var i = 0; i < history.Presentations.Count; i++)
        {
            var p = history.Presentations[i];
            if (p.PresentedAt > now - Day && p.PresentedAt <= now && CountsTowardCap(p.Kind))
            {
                count++;
            }
        }

        return count;
    }

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
