using System.Collections.Concurrent;
using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Engagement;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Brings the live campaigns into every customer's arbitration. As a provider it evaluates each
/// active campaign for the customer and proposes the offers that are triggered, so they go
/// through the same eligibility, consent, service recovery, contact policy and ranking as any
/// action; a holdout customer's offer is withheld instead and settled as "would have been
/// presented". As an observer it counts a presentation only when arbitration actually made the
/// offer a current suggestion, gives back the budget slots of offers that did not make it, and
/// counts outcomes and conversions.
/// </summary>
public sealed class LiveCampaignOffers(ActiveCampaigns campaigns, IOptions<EngagementOptions> engagement) : IVersionedCandidateProvider, ISuggestionObserver
{
    private readonly TimeSpan _repeatWindow = engagement.Value.RepeatWindow;
    private readonly TimeSpan _declineCooldown = engagement.Value.DeclineCooldown;
    private readonly int _maxPresentedPerDay = engagement.Value.MaxPresentedPerDay;

    /// <summary>The provider's name.</summary>
    public const string ProviderName = "campaigns";

    // Reservations made while proposing, settled when the same customer's arbitration is observed.
    // A customer's decisions are serial (one grain turn at a time), so the customer id is the key.
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, List<CampaignReservation>> _pending = new(StringComparer.Ordinal);

    // The offer's action and candidate per campaign, rebuilt only when the campaign or the catalog changes.
    private readonly ConcurrentDictionary<string, (CompiledCampaign Compiled, ActionCatalog Catalog, ActionDefinition? Action, ActionCandidate? Candidate)> _actions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public long Version => campaigns.Version;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var set = campaigns.ActiveSet;
        var active = set.Campaigns;
        if (active.Count == 0)
        {
            return [];
        }

        var customerId = context.Customer.CustomerId;
        if (_pending.TryRemove(customerId, out var stale))
        {
            // A decision that never reached its end (it threw): its slots must not stay held.
            Settle(stale, null, context);
        }

        var now = context.Now;
        var subject = new AudienceSubject(context.Customer, context.PresentInStoreId, context.State.LastStoreId);
        var states = campaigns.StatesOf(customerId);
        states.Follow(set);
        var trigger = context.TriggeringEvent is { } e ? TriggerSubject.ForEvent(e) : null;
        // Which active campaigns' offers are current suggestions, and which the contact policy
        // will certainly hold back now, by position. The policy decides in arbitration; knowing
        // its verdict here spares arbitration every offer of a customer who has had enough for today.
        bool[]? current = null;
        bool[]? blocked = null;
        var presentedToday = 0;
        foreach (var presentation in context.Contact.Presentations)
        {
            if (presentation.Kind != ActionKinds.ServiceRecovery && presentation.PresentedAt > now - Day && presentation.PresentedAt <= now)
            {
                presentedToday++;
            }

            if (!set.PositionByActionId.TryGetValue(presentation.ActionId, out var position))
            {
                continue;
            }

            if (presentation.IsCurrentAt(now))
            {
                (current ??= new bool[active.Count])[position] = true;
            }
            else if ((presentation is { Outcome: SuggestionOutcome.Dismissed, OutcomeAt: { } dismissedAt } && dismissedAt + _declineCooldown > now)
                || (presentation.EndAsOf(now) is { } endedAt && endedAt + _repeatWindow > now))
            {
                (blocked ??= new bool[active.Count])[position] = true;
            }
        }

        var capped = presentedToday >= _maxPresentedPerDay;

        // Only the campaigns this moment can trigger are evaluated; the rest would find nothing
        // (their trigger is another event type, or the customer's stage has not changed lately).
        var eventType = trigger?.Type;
        var lifecycleChanged = LifecycleChangedRecently(context.Customer, now, set.LongestLifecycleWindow);
        List<ActionCandidate>? candidates = null;
        List<CampaignReservation>? reservations = null;
        foreach (var i in set.Triggerable(eventType, lifecycleChanged))
        {
            var campaign = active[i];
            if (campaign.Compiled is not { } compiled)
            {
                continue;
            }

            // A current offer stays proposed, or the next unrelated decision would withdraw it; it
            // is not a new presentation, so it is neither evaluated nor counted again.
            if (current?[i] == true)
            {
                if (Offer(campaign, compiled, context.Catalog) is { Candidate: { } kept })
                {
                    (candidates ??= []).Add(kept);
                }

                continue;
            }

            if (campaign.Consider(subject, trigger, now, !capped && blocked?[i] != true, states, i) is not { } reservation)
            {
                continue;
            }

            if (Offer(campaign, compiled, context.Catalog) is not { Action: { } action, Candidate: { } candidate }
                || (reservation.Holdout && !WouldPass(action, context)))
            {
                // No offer to make (its catalog action is gone), or the treatment group would not
                // have been shown it either (eligibility, consent): not a would-be presentation.
                campaign.Release(reservation);
                continue;
            }

            (reservations ??= []).Add(reservation with { Validity = action.Validity, RepeatWindow = _repeatWindow });
            if (!reservation.Holdout)
            {
                (candidates ??= []).Add(candidate);
            }
        }

        if (current is not null)
        {
            for (var i = 0; i < current.Length; i++)
            {
                if (current[i] && !set.IsTriggerable(i, eventType, lifecycleChanged)
                    && active[i].Compiled is { } compiled && Offer(active[i], compiled, context.Catalog) is { Candidate: { } kept })
                {
                    (candidates ??= []).Add(kept);
                }
            }
        }

        campaigns.KeepStates(customerId, states);
        if (reservations is not null)
        {
            _pending[customerId] = reservations;
        }

        return candidates ?? [];
    }

    private static bool LifecycleChangedRecently(Customer360 customer, DateTimeOffset now, TimeSpan window) =>
        window > TimeSpan.Zero && customer.Lifecycle.History is { Count: > 0 } history && history[^1] is { } latest && latest.At > now - window && latest.At <= now;

    /// <inheritdoc />
    public void Arbitrated(EngagementContext context, ArbitrationResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var customerId = context.Customer.CustomerId;
        if (_pending.TryRemove(customerId, out var reservations))
        {
            Settle(reservations, result, context);
        }

        if (context.State.LastPurchaseAt is { } lastPurchaseAt)
        {
            campaigns.CheckConversions(customerId, lastPurchaseAt, context.Now);
        }
    }

    /// <inheritdoc />
    public void OutcomeRecorded(string customerId, ContactPresentation presentation, SuggestionOutcome outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (presentation.ActionId.StartsWith(LiveCampaign.ActionIdPrefix, StringComparison.Ordinal)
            && campaigns.Find(presentation.ActionId[LiveCampaign.ActionIdPrefix.Length..]) is { } campaign)
        {
            campaign.RecordOutcome(outcome, at);
        }
    }

    private void Settle(List<CampaignReservation> reservations, ArbitrationResult? result, EngagementContext context)
    {
        var customerId = context.Customer.CustomerId;
        foreach (var reservation in reservations)
        {
            var campaign = reservation.Campaign;
            if (result is null)
            {
                campaign.Release(reservation);
            }
            else if (reservation.Holdout)
            {
                // Service recovery would have withheld the offer from a treatment customer too.
                if (result.RecoveryApplies)
                {
                    campaign.Release(reservation);
                }
                else
                {
                    campaign.Withhold(reservation, context.Now);
                    campaigns.Attributing(customerId, campaign);
                }
            }
            else if (result.Presented.FirstOrDefault(s => string.Equals(s.ActionId, campaign.ActionId, StringComparison.Ordinal)) is { } presented)
            {
                campaign.Commit(reservation, presented.SuggestionId, context.Now);
                campaigns.Attributing(customerId, campaign);
            }
            else
            {
                campaign.Release(reservation);
            }
        }
    }

    private static bool WouldPass(ActionDefinition action, EngagementContext context) =>
        action.Eligibility.WhyExcluded(context.Customer) is null
        && (action.Eligibility.RequiredConsent is not { } consent || ConsentRules.IsGranted(context.State.Consent, consent));

    private static ActionCandidate Candidate(ActionDefinition action, CompiledCampaign compiled)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["campaign"] = compiled.Name };
        return new ActionCandidate(action, [ReasonTemplate.Fill(action.ReasonTemplate, values), $"Campaign: {compiled.Name}"], Source: ProviderName);
    }

    // The action a campaign offers: inline, or a catalog action under the campaign's own id (so
    // its presentations, outcomes and contact rules are the campaign's, not the catalog entry's).
    private (ActionDefinition? Action, ActionCandidate? Candidate) Offer(LiveCampaign campaign, CompiledCampaign compiled, ActionCatalog catalog)
    {
        if (_actions.TryGetValue(campaign.Id, out var cached) && ReferenceEquals(cached.Compiled, compiled) && ReferenceEquals(cached.Catalog, catalog))
        {
            return (cached.Action, cached.Candidate);
        }

        // The reasons name the offer and the campaign, not the customer, so one candidate serves all.
        var action = BuildOfferAction(campaign, compiled, catalog);
        var candidate = action is null ? null : Candidate(action, compiled);
        _actions[campaign.Id] = (compiled, catalog, action, candidate);
        return (action, candidate);
    }

    private static ActionDefinition? BuildOfferAction(LiveCampaign campaign, CompiledCampaign compiled, ActionCatalog catalog)
    {
        var offer = compiled.Offer;
        if (offer.ActionId is { } actionId)
        {
            if (catalog.Find(actionId) is not { } catalogAction)
            {
                return null;
            }

            return catalogAction with
            {
                Id = campaign.ActionId,
                Kind = ActionKinds.CampaignOffer,
                Title = offer.Title ?? catalogAction.Title,
                ReasonTemplate = offer.Reason ?? catalogAction.ReasonTemplate,
                Value = offer.Value ?? catalogAction.Value,
                Lever = compiled.Lever,
                Sales = true,
            };
        }

        var eligibility = offer.RequiredConsent is { Channel: { } channel } consent
            ? new ActionEligibility { RequiredConsent = new ConsentRequirement(channel, consent.Purpose) }
            : ActionEligibility.Any;
        return new ActionDefinition(campaign.ActionId, ActionKinds.CampaignOffer, offer.Title!, offer.Reason!, offer.Value!.Value)
        {
            Lever = compiled.Lever,
            Eligibility = eligibility,
            Sales = true,
        };
    }
}
