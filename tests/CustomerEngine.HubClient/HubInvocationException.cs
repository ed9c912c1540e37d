namespace CustomerEngine.HubClient;

/// <summary>The hub answered an invocation with an error, or the connection closed before it answered.</summary>
public sealed class HubInvocationException(string message) : Exception(message);
