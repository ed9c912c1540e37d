using CustomerEngine.Host.Problems;

namespace CustomerEngine.Host.Security;

/// <summary>Writes authentication and authorization failures as problem+json, like every other API error.</summary>
internal static class SecurityProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string field, string detail) =>
        ApiProblem.For(status, title, field, detail).ExecuteAsync(context);

    /// <summary>API and hub calls get a status code; pages get the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/openapi");
}
