namespace CustomerEngine.Host.Hubs;

/// <summary>The kinds of message the engagement hub pushes; the names are the client handler names and the metric tag.</summary>
public enum EngagementMessage
{
    /// <summary><see cref="IEngagementClient.CustomerArrived"/>.</summary>
    CustomerArrived,

    /// <summary><see cref="IEngagementClient.CustomerLeft"/>.</summary>
    CustomerLeft,

    /// <summary><see cref="IEngagementClient.CustomerUpdated"/>; coalesced per customer.</summary>
    CustomerUpdated,

    /// <summary><see cref="IEngagementClient.SuggestionsUpdated"/>; coalesced per customer.</summary>
    SuggestionsUpdated,
}
