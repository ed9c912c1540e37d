using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Grains.Engagement;

/// <summary>The publisher of an engine with no dashboards attached (tools, benchmarks): it drops every push.</summary>
public sealed class SilentEngagementPublisher : IEngagementPublisher
{
    /// <inheritdoc />
    public void CustomerArrived(string storeId, CustomerSummary summary)
    {
    }

    /// <inheritdoc />
    public void CustomerLeft(string storeId, string customerId)
    {
    }

    /// <inheritdoc />
    public void CustomerUpdated(string? presentInStoreId, CustomerSummary summary)
    {
    }

    /// <inheritdoc />
    public void SuggestionsUpdated(string customerId, string? presentInStoreId, IReadOnlyList<Suggestion> suggestions)
    {
    }
}
