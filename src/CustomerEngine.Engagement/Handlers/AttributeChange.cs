namespace CustomerEngine.Engagement.Handlers;

/// <summary>A handler's request to set (or, with a null value, remove) a custom attribute of the customer.</summary>
/// <param name="Key">The attribute's name.</param>
/// <param name="Value">The new value, or null to remove the attribute.</param>
/// <param name="HandlerName">The handler that asked.</param>
public sealed record AttributeChange(string Key, string? Value, string HandlerName);
