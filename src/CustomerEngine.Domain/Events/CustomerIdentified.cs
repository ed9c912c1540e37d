namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>customer.identified</c>: the anonymous visitor id whose history joins the customer.</summary>
public sealed record CustomerIdentified(string AnonymousId) : EventData;
