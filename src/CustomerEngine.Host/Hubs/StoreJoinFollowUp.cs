using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// A second look at a store a dashboard joined while other nodes serve customers too. The join
/// lists what every node had written of the store, and another node writes its record only every
/// <see cref="PresenceOptions.FlushInterval"/>: a customer who walked in on it in the seconds before
/// the join is in no record yet, and its arrival was pushed before this node watched the store.
/// Once that interval has passed, the store is read again and the dashboard gets an arrival for
/// each customer present then whom the join did not list (arrivals are keyed by customer, so one
/// pushed meanwhile as well changes nothing).
/// </summary>
public sealed partial class StoreJoinFollowUp(
    IHubContext<EngagementHub, IEngagementClient> hub,
    IGrainFactory grains,
    CustomerSummaryReader summaries,
    NodePeers peers,
    DashboardAudience audience,
    IOptions<PresenceOptions> presence,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<StoreJoinFollowUp> logger)
{
    // Beyond the other nodes' write interval, for the write itself.
    private static readonly TimeSpan WriteMargin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Schedules the second look for <paramref name="connectionId"/>, which joined
    /// <paramref name="storeId"/> and was sent <paramref name="listed"/>; nothing while no other node is alive.
    /// </summary>
    public void After(string connectionId, string storeId, IReadOnlyCollection<string> listed)
    {
        if (peers.Any)
        {
            _ = LookAgainAsync(connectionId, storeId, listed, lifetime.ApplicationStopping);
        }
    }

    private async Task LookAgainAsync(string connectionId, string storeId, IReadOnlyCollection<string> listed, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(presence.Value.FlushInterval + WriteMargin, clock, stopping);
            var group = EngagementGroups.Store(storeId);
            if (!audience.IsIn(connectionId, group))
            {
                return;
            }

            var known = listed.ToHashSet(StringComparer.Ordinal);
            var present = await grains.GetGrain<IStorePresenceGrain>(storeId).GetPresentAsync();
            var unlisted = present.Select(p => p.CustomerId).Where(id => !known.Contains(id)).ToList();
            if (unlisted.Count == 0)
            {
                return;
            }

            foreach (var summary in (await summaries.ReadAsync(unlisted, stopping)).Values)
            {
                if (!audience.IsIn(connectionId, group))
                {
                    return;
                }

                await hub.Clients.Client(connectionId).CustomerArrived(summary);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogFailed(exception, storeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A second look at store {StoreId} for a dashboard that joined it failed; it shows other nodes' latest arrivals at their next change")]
    private partial void LogFailed(Exception exception, string storeId);
}
