using CustomerEngine.HubClient;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>Dashboards on <c>/hubs/engagement</c> over the test server's real WebSockets, without negotiation.</summary>
public static class EngagementHubConnections
{
    public const string AdminKey = "demo-admin-key";

    /// <summary>Connects as the holder of <paramref name="apiKey"/>, or of the sign-in <paramref name="cookie"/> when given.</summary>
    public static async Task<JsonHubClient> ConnectToEngagementHubAsync(this WebApplicationFactory<Program> factory, string? apiKey = AdminKey, string? cookie = null)
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request =>
        {
            if (cookie is not null)
            {
                request.Headers.Cookie = cookie;
            }
            else if (apiKey is not null)
            {
                request.Headers["X-Api-Key"] = apiKey;
            }
        };
        var socket = await sockets.ConnectAsync(new Uri("ws://localhost/hubs/engagement"), CancellationToken.None);
        return await JsonHubClient.ConnectAsync(socket);
    }

    /// <summary>Signs <paramref name="userName"/> in through the sign-in form and returns the session cookie as a <c>Cookie</c> header.</summary>
    public static async Task<string> SignInCookieAsync(this EngineFactory factory, string userName)
    {
        using var client = factory.AnonymousClient();
        using var response = await client.PostSignInAsync(userName, "demo");
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"signing in as {userName} set no cookie ({(int)response.StatusCode})");
        return string.Join("; ", cookies.Select(c => c.Split(';')[0]));
    }

    /// <summary>The customer id an argument array starts with: a summary's <c>customerId</c>, or the id itself.</summary>
    public static string CustomerOf(System.Text.Json.JsonElement arguments)
    {
        var first = arguments[0];
        return (first.ValueKind == System.Text.Json.JsonValueKind.String ? first.GetString() : first.GetProperty("customerId").GetString()) ?? string.Empty;
    }
}
