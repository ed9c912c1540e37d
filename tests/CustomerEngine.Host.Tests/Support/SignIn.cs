using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>Signs a person in through the real sign-in form, as a browser would.</summary>
public static partial class SignIn
{
    /// <summary>A client with no API key and its own cookie jar, not following redirects.</summary>
    public static HttpClient AnonymousClient(this EngineFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>Fills in and posts the sign-in form; returns the response (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the sign-in page carries an antiforgery field");
        var form = new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? string.Empty,
        };
        return await client.PostAsync("/signin", new FormUrlEncodedContent(form));
    }

    /// <summary>A client signed in as <paramref name="userName"/> with the demo password.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this EngineFactory factory, string userName)
    {
        var client = factory.AnonymousClient();
        using var response = await client.PostSignInAsync(userName, "demo");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {userName} answered {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
