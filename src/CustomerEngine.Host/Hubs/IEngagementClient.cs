using CustomerEngine.Campaigns.Results;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Host.Overview;

namespace CustomerEngine.Host.Hubs;

/// <summary>What the engagement hub pushes to a dashboard; each method is a client-side handler name.</summary>
public interface IEngagementClient
{
    /// <summary>A customer is now in a store the dashboard joined (also sent for everyone present when it joins).</summary>
    Task CustomerArrived(CustomerSummary summary);

    /// <summary>A customer left a store the dashboard joined, or timed out of it.</summary>
    Task CustomerLeft(string customerId);

    /// <summary>The current suggestions for a customer who is in a joined store or watched; the list replaces the previous one.</summary>
    Task SuggestionsUpdated(string customerId, IReadOnlyList<Suggestion> suggestions);

    /// <summary>The summary of a customer who is in a joined store or watched changed (also sent once on watching).</summary>
    Task CustomerUpdated(CustomerSummary summary);

    /// <summary>The live overview, about once a second, to connections that joined the overview.</summary>
    Task OverviewUpdated(OverviewSnapshot snapshot);

    /// <summary>A campaign's results, at most once a second while they change, to connections that joined the campaign.</summary>
    Task CampaignResultsUpdated(CampaignResults results);
}
