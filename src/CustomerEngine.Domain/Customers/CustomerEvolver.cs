using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// The deterministic fold of a customer's events into <see cref="CustomerState"/>. Time is only
/// ever the events' own occurrence time or a time passed in, so folding last year's events gives
/// last year's stages, and the same events give the same state whatever order they arrive in.
/// </summary>
public static class CustomerEvolver
{
    /// <summary>
    /// The version of what the fold keeps. Raise it whenever a new version keeps something an older one did not
    /// (version 2: purchase days and repeat-day spend for the value models; version 3: recent
    /// interactions summarised in staff's words), so stored states get rebuilt.
    /// </summary>
    public const int FoldVersion = 3;

    /// <summary>The state of a customer before any event: a prospect with no history.</summary>
    /// <param name="customerId">The customer id, or <c>anon:{anonymousId}</c> for an anonymous visitor.</param>
    public static CustomerState Create(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return new CustomerState
        {
            CustomerId = customerId,
            IsAnonymous = customerId.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal),
            FoldVersion = FoldVersion,
        };
    }

    /// <summary>
    /// Applies one event: first records the time-driven transitions that fell due before it (each
    /// at its due time), then the event's own effects.
    /// </summary>
    /// <param name="state">The customer's state.</param>
    /// <param name="e">The event.</param>
    /// <param name="rules">The thresholds.</param>
    /// <param name="model">The fitted value model, which adds the P(alive) transitions; null before the first fit.</param>
    /// <returns>The transitions that happened, oldest first.</returns>
    /// <exception cref="InvalidOperationException">The event does not come after what the state
    /// already holds (<see cref="NeedsReplay"/> is true): the state must be rebuilt with <see cref="Replay"/>.</exception>
    public static IReadOnlyList<LifecycleTransition> Apply(CustomerState state, SequencedEvent e, CustomerRules rules, CustomerValueModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e.Event);
        ArgumentNullException.ThrowIfNull(rules);
        LifecyclePolicy.EnsureConsistent(rules.Lifecycle);
        if (NeedsReplay(state, e))
        {
            throw new InvalidOperationException(
                $"Event {e.Event.EventId} (occurred {e.Event.OccurredAt:O}, sequence {e.Sequence}) does not come after the state of {state.CustomerId} "
                + $"(last applied {state.LastAppliedAt:O}, sequence {state.LastAppliedSequence}); replay the customer's events instead.");
        }

        List<LifecycleTransition>? transitions = null;
        Advance(state, e.Event.OccurredAt, rules.Lifecycle, model, ref transitions);
        ApplyEffects(state, e.Event, rules, ref transitions);
        state.LastAppliedAt = e.Event.OccurredAt;
        state.LastAppliedSequence = e.Sequence;
        state.MaxSequence = Math.Max(state.MaxSequence, e.Sequence);
        return transitions ?? (IReadOnlyList<LifecycleTransition>)[];
    }

    /// <summary>
    /// True when the event cannot simply be applied: it sorts at or before the last applied event,
    /// or it happened before the latest lifecycle transition (applying it would rewrite history
    /// already recorded). The caller then rebuilds the state with <see cref="Replay"/>.
    /// </summary>
    public static bool NeedsReplay(CustomerState state, SequencedEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e.Event);
        var at = e.Event.OccurredAt;
        if (state.LastAppliedAt is { } lastAt && (at < lastAt || (at == lastAt && e.Sequence <= state.LastAppliedSequence)))
        {
            return true;
        }

        var history = state.Lifecycle.History;
        return history.Count > 0 && at < history[^1].At;
    }

    /// <summary>
    /// Records the time-driven transitions due at or before <paramref name="now"/>, each at its due
    /// time. The ordering watermark does not move: later events can still be applied.
    /// </summary>
    /// <returns>The transitions recorded, oldest first.</returns>
    public static IReadOnlyList<LifecycleTransition> AdvanceTo(CustomerState state, DateTimeOffset now, CustomerRules rules, CustomerValueModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rules);
        LifecyclePolicy.EnsureConsistent(rules.Lifecycle);
        List<LifecycleTransition>? transitions = null;
        Advance(state, now, rules.Lifecycle, model, ref transitions);
        return transitions ?? (IReadOnlyList<LifecycleTransition>)[];
    }

    /// <summary>When the next time-driven transition falls due, or null when none is pending.</summary>
    public static DateTimeOffset? NextDueAt(CustomerState state, CustomerRules rules, CustomerValueModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rules);
        LifecyclePolicy.EnsureConsistent(rules.Lifecycle);
        return LifecyclePolicy.NextTimeDriven(state.Lifecycle, state.Stats, rules.Lifecycle, model)?.DueAt;
    }

    /// <summary>
    /// Rebuilds a customer from events in any order: they are sorted by (occurrence time, sequence)
    /// and folded from <see cref="Create"/>. An event listed twice (the same log entry read through
    /// two stream keys) is folded once.
    /// </summary>
    public static CustomerState Replay(string customerId, IEnumerable<SequencedEvent> events, CustomerRules rules, CustomerValueModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = Create(customerId);
        SequencedEvent? previous = null;
        foreach (var e in events.OrderBy(x => x.Event.OccurredAt).ThenBy(x => x.Sequence))
        {
            if (previous is { } p && p.Sequence == e.Sequence && p.Event.OccurredAt == e.Event.OccurredAt)
            {
                continue;
            }

            Apply(state, e, rules, model);
            previous = e;
        }

        return state;
    }

    private static void Advance(CustomerState state, DateTimeOffset now, LifecycleRules rules, CustomerValueModel? model, ref List<LifecycleTransition>? transitions)
    {
        while (LifecyclePolicy.NextTimeDriven(state.Lifecycle, state.Stats, rules, model) is { } next && next.DueAt <= now)
        {
            Transition(state, next.To, next.DueAt, next.Reason, ref transitions);
        }
    }

    private static void Transition(CustomerState state, LifecycleStage to, DateTimeOffset at, string reason, ref List<LifecycleTransition>? transitions)
    {
        var lifecycle = state.Lifecycle;
        var transition = new LifecycleTransition(lifecycle.Stage, to, at, reason);
        lifecycle.History.Add(transition);
        lifecycle.Stage = to;
        lifecycle.Since = at;
        (transitions ??= []).Add(transition);
    }

    private static void ApplyEffects(CustomerState state, CustomerEvent e, CustomerRules rules, ref List<LifecycleTransition>? transitions)
    {
        var at = e.OccurredAt;
        state.Lifecycle.Since ??= at;
        var knownComplaint = true;
        switch (e.Data)
        {
            case CustomerRegistered registered:
                ApplyRegistered(state, registered);
                break;
            case CustomerIdentified identified:
                if (state.MergedAnonymousIds.Contains(identified.AnonymousId))
                {
                    // The merge already happened; counting the identification again would double it.
                    return;
                }

                state.MergedAnonymousIds.Add(identified.AnonymousId);
                break;
            case StoreEntered:
                state.Stats.Visits++;
                break;
            case Purchase purchase:
                ApplyPurchase(state, purchase, at, rules.Lifecycle, ref transitions);
                break;
            case ProductReturned returned:
                state.Stats.Returns++;
                state.Stats.ReturnedAmount += returned.Amount;
                break;
            case FeedbackGiven feedback:
                ApplyFeedback(state.Satisfaction, feedback, at);
                break;
            case ComplaintOpened opened:
                if (!state.Satisfaction.OpenComplaints.Exists(c => c.ComplaintId == opened.ComplaintId))
                {
                    state.Satisfaction.OpenComplaints.Add(new OpenComplaint(opened.ComplaintId, at));
                }

                break;
            case ComplaintResolved resolved:
                knownComplaint = ResolveComplaint(state.Satisfaction, resolved.ComplaintId, at);
                break;
            case ConsentChanged consent:
                ApplyConsent(state.Consent, consent, at);
                break;
        }

        var storeId = state.SharedStoreId(e.StoreId);
        if (storeId is not null)
        {
            state.LastStoreId = storeId;
        }

        if (state.Stats.LastSeenAt is not { } seen || at > seen)
        {
            state.Stats.LastSeenAt = at;
        }

        CountChannel(state, e.Channel);
        Remember(state, new RecentInteraction(e.EventId, e.Type, at, storeId, e.Channel, InteractionSummary.Of(e, knownComplaint)), rules.RecentDepth);
    }

    private static void ApplyRegistered(CustomerState state, CustomerRegistered registered)
    {
        state.Name = registered.Name ?? state.Name;
        state.Kind = registered.Kind;
        state.HomeStoreId = registered.HomeStoreId ?? state.HomeStoreId;
        foreach (var (key, value) in registered.Attributes)
        {
            state.Attributes[key] = value;
        }
    }

    private static void ApplyPurchase(CustomerState state, Purchase purchase, DateTimeOffset at, LifecycleRules rules, ref List<LifecycleTransition>? transitions)
    {
        var stats = state.Stats;
        var previousPurchaseAt = stats.LastPurchaseAt;
        stats.Purchases++;
        stats.Spend += purchase.Total;
        stats.FirstPurchaseAt ??= at;
        stats.PreviousPurchaseAt = previousPurchaseAt;
        stats.LastPurchaseAt = at;
        CountPurchaseDay(stats, purchase.Total, at, previousPurchaseAt);

        var inputs = state.SegmentInputs;
        foreach (var item in purchase.Items)
        {
            var spend = item.Spend;
            inputs.ItemSpend += spend;
            if (item.Discount > 0)
            {
                inputs.DiscountedItemSpend += spend;
            }

            if (item.Brand is { } brand)
            {
                // The key outlives the event: share one instance of each brand name across customers.
                brand = SharedStringPool.CustomerTexts.Share(brand);
                inputs.BrandItemCounts[brand] = inputs.BrandItemCounts.GetValueOrDefault(brand) + item.Quantity;
            }
        }

        if (LifecyclePolicy.OnPurchase(state.Lifecycle.Stage, previousPurchaseAt, at, rules) is { } change)
        {
            Transition(state, change.To, at, change.Reason, ref transitions);
        }
    }

    // Purchases arrive in occurrence order, so a new UTC day is one after the latest purchase's day.
    private static void CountPurchaseDay(CustomerStats stats, decimal total, DateTimeOffset at, DateTimeOffset? previousPurchaseAt)
    {
        var day = UtcDay(at);
        if (previousPurchaseAt is not { } previous)
        {
            stats.PurchaseDays = 1;
            return;
        }

        if (day != UtcDay(previous))
        {
            stats.PurchaseDays++;
        }

        if (day != UtcDay(stats.FirstPurchaseAt!.Value))
        {
            stats.RepeatDaySpend += total;
        }
    }

    private static DateOnly UtcDay(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static void ApplyFeedback(CustomerSatisfaction satisfaction, FeedbackGiven feedback, DateTimeOffset at)
    {
        satisfaction.Responses++;
        if (feedback.Nps is { } nps)
        {
            satisfaction.LastNps = nps;
            satisfaction.LastNpsAt = at;
        }

        if (feedback.Ces is { } ces)
        {
            satisfaction.LastCes = ces;
            satisfaction.LastCesAt = at;
        }
    }

    private static bool ResolveComplaint(CustomerSatisfaction satisfaction, string complaintId, DateTimeOffset at)
    {
        var index = satisfaction.OpenComplaints.FindIndex(c => c.ComplaintId == complaintId);
        if (index < 0)
        {
            return false;
        }

        satisfaction.TotalResolutionTime += at - satisfaction.OpenComplaints[index].OpenedAt;
        satisfaction.ComplaintsResolved++;
        satisfaction.OpenComplaints.RemoveAt(index);
        return true;
    }

    private static void ApplyConsent(List<ConsentRecord> consent, ConsentChanged change, DateTimeOffset at)
    {
        var record = new ConsentRecord(change.Channel, change.Purpose, change.Granted, at);
        var index = consent.FindIndex(c => c.Channel == change.Channel && c.Purpose == change.Purpose);
        if (index < 0)
        {
            consent.Add(record);
        }
        else
        {
            consent[index] = record;
        }
    }

    private static void CountChannel(CustomerState state, EventChannel? channel)
    {
        var inputs = state.SegmentInputs;
        switch (channel)
        {
            case EventChannel.Store:
                inputs.StoreInteractions++;
                break;
            case EventChannel.Online:
                inputs.OnlineInteractions++;
                break;
            case EventChannel.App:
                inputs.AppInteractions++;
                break;
            case EventChannel.CallCenter:
                inputs.CallCenterInteractions++;
                break;
        }
    }

    private static void Remember(CustomerState state, RecentInteraction interaction, int depth)
    {
        if (depth <= 0)
        {
            return;
        }

        var recent = state.Recent;
        while (recent.Count >= depth)
        {
            recent.RemoveAt(recent.Count - 1);
        }

        // Grow to the depth and no further: the default doubling would leave idle slots in every customer.
        if (recent.Count == recent.Capacity)
        {
            recent.Capacity = Math.Min(depth, Math.Max(4, recent.Capacity * 2));
        }

        recent.Insert(0, interaction);
    }
}
