using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// When service recovery applies (DOMAIN.md §6): the customer has an open complaint, or gave a
/// detractor score (NPS 0–6) within the recovery window. The arbitrator and the service-recovery
/// provider both ask this, so sales stay suppressed even when no recovery action can be shown.
/// </summary>
public static class ServiceRecoveryCondition
{
    /// <summary>Whether recovery applies to the customer at <paramref name="now"/>.</summary>
    public static bool Applies(ReadOnlyCustomerState state, DateTimeOffset now, TimeSpan recoveryWindow)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.OpenComplaints.Count > 0 || RecentDetractorScore(state, now, recoveryWindow) is not null;
    }

    /// <summary>
    /// Why recovery applies, one cause per open complaint and one for a recent detractor score, e.g.
    /// "complaint C-17 open for 3 days", "complaint C-18 opened today", "gave an NPS of 4 (yesterday)";
    /// empty when it does not apply.
    /// </summary>
    public static IReadOnlyList<string> Causes(ReadOnlyCustomerState state, DateTimeOffset now, TimeSpan recoveryWindow)
    {
        ArgumentNullException.ThrowIfNull(state);
        var causes = new List<string>();
        foreach (var complaint in state.OpenComplaints)
        {
            var open = CandidateText.DaysBetween(complaint.OpenedAt, now);
            causes.Add(open == 0 ? $"complaint {complaint.ComplaintId} opened today" : $"complaint {complaint.ComplaintId} open for {CandidateText.Days(open)}");
        }

        if (RecentDetractorScore(state, now, recoveryWindow) is { } score)
        {
            causes.Add($"gave an NPS of {CandidateText.Number(score.Nps)} ({CandidateText.Ago(CandidateText.DaysBetween(score.At, now))})");
        }

        return causes;
    }

    /// <summary>When the oldest current cause began, or null when recovery does not apply.</summary>
    public static DateTimeOffset? Since(ReadOnlyCustomerState state, DateTimeOffset now, TimeSpan recoveryWindow)
    {
        ArgumentNullException.ThrowIfNull(state);
        DateTimeOffset? since = RecentDetractorScore(state, now, recoveryWindow)?.At;
        foreach (var complaint in state.OpenComplaints)
        {
            if (since is not { } earliest || complaint.OpenedAt < earliest)
            {
                since = complaint.OpenedAt;
            }
        }

        return since;
    }

    // A score given "in the future" of now (a late clock, a replay) still counts: it is the customer's latest word.
    private static (int Nps, DateTimeOffset At)? RecentDetractorScore(ReadOnlyCustomerState state, DateTimeOffset now, TimeSpan window) =>
        state is { LastNps: { } nps, LastNpsAt: { } at } && nps is >= 0 and <= 10 && NpsCategory.Of(nps) == NpsCategory.Detractor && now - at <= window
            ? (nps, at)
            : null;
}
