namespace CustomerEngine.Grains.Customers;

/// <summary>How event streams (and customer grains) are keyed.</summary>
public static class CustomerStreams
{
    /// <summary>The prefix of an anonymous visitor's stream.</summary>
    public const string AnonymousPrefix = "anon:";

    /// <summary>The stream of an anonymous visitor.</summary>
    public static string Anonymous(string anonymousId) => AnonymousPrefix + anonymousId;
}
