using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Campaigns;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Overview;
using CustomerEngine.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// The front-line dashboards' live connection (<c>/hubs/engagement</c>): a dashboard joins the
/// stores it shows and watches the customers it has open, and the engine pushes arrivals,
/// departures, summaries and suggestions to the groups <c>store:{id}</c> and <c>customer:{id}</c>.
/// Every refusal is a <see cref="HubException"/>, whose message reaches the client.
/// </summary>
public sealed class EngagementHub(IGrainFactory grains, IServiceProvider services) : Hub<IEngagementClient>
{
    private const int MaxIdLength = 128;
    private const int MaxReasonLength = 500;

    /// <summary>
    /// Starts pushing a store's arrivals, departures and updates to the caller, then sends the
    /// caller a <c>CustomerArrived</c> for everyone present now, so a dashboard that connects late
    /// or reconnects starts from the current state.
    /// </summary>
    public async Task JoinStore(string storeId)
    {
        RequireId(storeId, nameof(storeId));
        if (Context.User?.CanSeeStore(storeId) != true)
        {
            throw new HubException($"You may not see store '{storeId}': staff see only the stores they are bound to.");
        }

        // Joined before reading: a customer arriving meanwhile is then pushed, maybe also listed;
        // the other order could miss them. Clients key their board by customer id.
        await JoinGroupAsync(EngagementGroups.Store(storeId));

        // As GET /api/stores/{id}/presence does: the list includes every event acknowledged before the join.
        await AcknowledgedEventsEndpoints.WaitAsync(services, Context.ConnectionAborted);
        var present = await grains.GetGrain<IStorePresenceGrain>(storeId).GetPresentAsync();
        var summaries = await services.GetRequiredService<CustomerSummaryReader>().ReadAsync([.. present.Select(p => p.CustomerId)], Context.ConnectionAborted);
        foreach (var customer in present)
        {
            if (summaries.TryGetValue(customer.CustomerId, out var summary))
            {
                await Clients.Caller.CustomerArrived(summary);
            }
        }

        // Only those sent count as listed: one whose summary was not readable yet is sent by the second look.
        services.GetRequiredService<StoreJoinFollowUp>().After(Context.ConnectionId, storeId, [.. summaries.Keys]);
    }

    /// <summary>Stops pushing a store's changes to the caller.</summary>
    public Task LeaveStore(string storeId)
    {
        RequireId(storeId, nameof(storeId));
        return LeaveGroupAsync(EngagementGroups.Store(storeId));
    }

    /// <summary>
    /// Starts pushing one customer's summary and suggestions to the caller wherever the customer
    /// is, and sends the current summary once. Staff may watch customers present in or homed at
    /// one of their stores; managers, marketing and admins anyone.
    /// </summary>
    public async Task WatchCustomer(string customerId)
    {
        RequireId(customerId, nameof(customerId));
        await RequireMaySeeCustomerAsync(customerId);
        await JoinGroupAsync(EngagementGroups.Customer(customerId));
        if (await services.GetRequiredService<CustomerSummaryReader>().ReadAsync(customerId, Context.ConnectionAborted) is { } summary)
        {
            await Clients.Caller.CustomerUpdated(summary);
        }
    }

    /// <summary>Stops pushing a customer's changes to the caller.</summary>
    public Task UnwatchCustomer(string customerId)
    {
        RequireId(customerId, nameof(customerId));
        return LeaveGroupAsync(EngagementGroups.Customer(customerId));
    }

    /// <summary>
    /// Starts pushing the live overview (<c>OverviewUpdated</c>, about once a second) to the caller:
    /// managers, marketing and admins only, as for <c>GET /api/overview</c>.
    /// </summary>
    public async Task JoinOverview()
    {
        var user = Context.User;
        var authorization = services.GetRequiredService<IAuthorizationService>();
        if (user is null || !(await authorization.AuthorizeAsync(user, EnginePolicies.Overview)).Succeeded)
        {
            throw new HubException("Only managers, marketing and admins may see the overview.");
        }

        await JoinGroupAsync(EngagementGroups.Overview);
    }

    /// <summary>Stops pushing the overview to the caller.</summary>
    public Task LeaveOverview() => LeaveGroupAsync(EngagementGroups.Overview);

    /// <summary>
    /// Starts pushing a campaign's results (<c>CampaignResultsUpdated</c>, at most once a second while
    /// they change) to the caller, and sends the current results once: marketing and admins only.
    /// </summary>
    public async Task JoinCampaign(string campaignId)
    {
        RequireId(campaignId, nameof(campaignId));
        var user = Context.User;
        var authorization = services.GetRequiredService<IAuthorizationService>();
        if (user is null || !(await authorization.AuthorizeAsync(user, EnginePolicies.Marketing)).Succeeded)
        {
            throw new HubException("Only marketing and admins may watch campaigns.");
        }

        if (services.GetRequiredService<ActiveCampaigns>().Find(campaignId) is not { } campaign)
        {
            throw new HubException($"There is no campaign '{campaignId}'.");
        }

        await JoinGroupAsync(EngagementGroups.Campaign(campaignId));
        await AcknowledgedEventsEndpoints.WaitAsync(services, Context.ConnectionAborted);
        await Clients.Caller.CampaignResultsUpdated(campaign.Results(services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    /// <summary>Stops pushing a campaign's results to the caller.</summary>
    public Task LeaveCampaign(string campaignId)
    {
        RequireId(campaignId, nameof(campaignId));
        return LeaveGroupAsync(EngagementGroups.Campaign(campaignId));
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // SignalR drops the connection from its groups by itself; the audience is ours to keep.
        services.GetRequiredService<DashboardAudience>().Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Records that the customer took the suggestion; recording it twice changes nothing.</summary>
    public Task AcceptSuggestion(string suggestionId) => RecordOutcomeAsync(suggestionId, SuggestionOutcome.Accepted, reason: null);

    /// <summary>Records that the suggestion was declined, with an optional reason.</summary>
    public Task DismissSuggestion(string suggestionId, string? reason) => RecordOutcomeAsync(suggestionId, SuggestionOutcome.Dismissed, reason);

    private async Task RecordOutcomeAsync(string suggestionId, SuggestionOutcome outcome, string? reason)
    {
        if (!SuggestionIds.TryGetCustomer(suggestionId, out var customerId))
        {
            throw new HubException($"Unknown suggestion id '{suggestionId}': it is not an id the engine issued.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            throw new HubException($"reason: at most {MaxReasonLength} characters.");
        }

        await RequireMaySeeCustomerAsync(customerId);

        // Resolved per call rather than injected: a hub that cannot be built would fail every
        // method, not only these two, on an engine without the recorder.
        var recorder = services.GetService<ISuggestionOutcomeRecorder>()
            ?? throw new HubException("This engine does not record suggestion outcomes.");
        var result = await recorder.RecordAsync(suggestionId, outcome, reason, Context.User?.Identity?.Name, Context.ConnectionAborted);
        if (result == OutcomeRecordResult.NotFound)
        {
            throw new HubException($"Unknown suggestion '{suggestionId}', or a different outcome was already recorded for it.");
        }
    }

    private async Task RequireMaySeeCustomerAsync(string customerId)
    {
        var user = Context.User;
        if (user is null)
        {
            throw new HubException("Sign in first.");
        }

        if (user.SeesEverything())
        {
            return;
        }

        var stores = user.BoundStores();
        if (stores.Count > 0)
        {
            if (await services.GetRequiredService<CustomerSummaryReader>().ReadAsync(customerId, Context.ConnectionAborted) is { HomeStoreId: { } home } && stores.Contains(home))
            {
                return;
            }

            foreach (var store in stores)
            {
                var present = await grains.GetGrain<IStorePresenceGrain>(store).GetPresentAsync();
                if (present.Any(p => p.CustomerId == customerId))
                {
                    return;
                }
            }
        }

        // The same answer whether or not the customer exists, so staff cannot probe for ids.
        throw new HubException($"Customer '{customerId}' is neither in nor homed at one of your stores.");
    }

    // Counted as an audience before SignalR adds the connection, so no push is held back from a
    // group the connection is already in; at worst one is sent just before it gets there.
    private Task JoinGroupAsync(string group)
    {
        services.GetRequiredService<DashboardAudience>().Joined(Context.ConnectionId, group);
        return Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private async Task LeaveGroupAsync(string group)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        services.GetRequiredService<DashboardAudience>().Left(Context.ConnectionId, group);
    }

    private static void RequireId(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            throw new HubException($"{name}: 1–{MaxIdLength} characters required.");
        }
    }
}
