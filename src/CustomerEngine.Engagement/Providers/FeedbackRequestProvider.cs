using CustomerEngine.Domain.Events;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.FeedbackRequest"/> actions after a recent purchase when the
/// customer has not given feedback for a while. Not while a complaint is open: the customer is
/// already telling us, and asking again reads as not listening. Placeholders: <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days
/// since the last purchase).
/// </summary>
/// <param name="options">The purchase recency and quiet period; the defaults when null.</param>
public sealed class FeedbackRequestProvider(BuiltInProviderOptions? options = null) : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.feedbackRequest";

    private readonly BuiltInProviderOptions _options = options ?? BuiltInProviderOptions.Default;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        if (state.LastPurchaseAt is not { } purchased || context.Now - purchased > _options.FeedbackAfterPurchaseWithin
            || state.OpenComplaints.Count > 0
            || LastFeedbackAt(state) is { } feedback && context.Now - feedback < _options.FeedbackQuietPeriod)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        CandidateText.PutDays(values, CandidateText.DaysBetween(purchased, context.Now));
        return CandidateText.Candidates(context, ActionKinds.FeedbackRequest, values, [], Name);
    }

    // A comment-only feedback leaves no score time in the state, but it is among the recent interactions.
    private static DateTimeOffset? LastFeedbackAt(ReadOnlyCustomerState state)
    {
        DateTimeOffset? last = null;
        foreach (var at in new[] { state.LastNpsAt, state.LastCesAt })
        {
            if (at is { } time && (last is not { } kept || time > kept))
            {
                last = time;
            }
        }

        foreach (var interaction in state.Recent)
        {
            if (interaction.Type == EventTypes.Feedback && (last is not { } kept || interaction.OccurredAt > kept))
            {
                last = interaction.OccurredAt;
            }
        }

        return last;
    }
}
