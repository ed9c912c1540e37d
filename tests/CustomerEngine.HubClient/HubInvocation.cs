using System.Text.Json;

namespace CustomerEngine.HubClient;

/// <summary>A call the server made on the client: the handler name and its argument array.</summary>
public sealed record HubInvocation(string Target, JsonElement Arguments);
