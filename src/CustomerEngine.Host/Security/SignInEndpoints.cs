using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CustomerEngine.Host.Security;

/// <summary>The cookie sign-in page, sign-out and <c>GET /api/me</c>.</summary>
public static class SignInEndpoints
{
    /// <summary>Where people sign in.</summary>
    public const string Path = "/signin";

    /// <summary>Maps the sign-in page, sign-out and the current user.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ShowPage).RequireAuthorization(EnginePolicies.Anonymous).ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).RequireAuthorization(EnginePolicies.Anonymous).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/signout", (Func<HttpContext, Task<IResult>>)SignOutAsync).RequireAuthorization(EnginePolicies.FrontLine).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/api/me", CurrentUser)
            .RequireAuthorization(EnginePolicies.FrontLine)
            .WithName("CurrentUser")
            .WithSummary("The signed-in person (or key): name, roles and the stores a staff member is bound to");
        app.MapGet("/", (HttpContext context) => Results.Redirect(HomeOf(context.User)))
            .RequireAuthorization(EnginePolicies.Anonymous)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The page a person lands on after signing in.</summary>
    public static string HomeOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return Path;
        }

        return user.IsInRole(EngineClaims.Staff) ? "/staff"
            : user.IsInRole(EngineClaims.Marketing) && !user.IsInRole(EngineClaims.Admin) ? "/marketing"
            : "/overview";
    }

    private static IResult CurrentUser(ClaimsPrincipal user) => TypedResults.Ok(new
    {
        name = user.Identity?.Name,
        id = user.FindFirstValue(ClaimTypes.NameIdentifier),
        roles = user.FindAll(EngineClaims.RoleType).Select(c => c.Value).ToArray(),
        stores = user.BoundStores(),
    });

    private static IResult ShowPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, returnUrl, error: null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, CredentialDirectory directory)
    {
        if (!context.Request.HasFormContentType)
        {
            return Page(context, antiforgery, null, "Use the sign-in form.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(context, antiforgery, returnUrl, "The form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        var principal = directory.SignIn(form["userName"].ToString().Trim(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            return Page(context, antiforgery, returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        var target = IsLocal(returnUrl) ? returnUrl : HomeOf(principal);
        return Results.Redirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(Path);
    }

    // Only same-site paths: an attacker's link must not bounce a fresh session to their site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var errorHtml = error is null ? string.Empty : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(error)}</p>""";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · CustomerEngine</title>
            <style>
              :root { color-scheme: light dark; --accent: #4f46e5; }
              * { box-sizing: border-box; }
              body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
                     background: radial-gradient(circle at 20% 20%, #eef2ff, #f8fafc 60%); color: #0f172a; }
              main { width: min(380px, 92vw); background: #fff; border-radius: 16px; padding: 32px; box-shadow: 0 10px 40px rgba(15, 23, 42, .12); }
              h1 { margin: 0 0 4px; font-size: 22px; }
              p.lead { margin: 0 0 24px; color: #64748b; }
              label { display: block; font-weight: 600; margin: 16px 0 6px; }
              input { width: 100%; padding: 10px 12px; border: 1px solid #cbd5e1; border-radius: 10px; font: inherit; }
              input:focus { outline: 2px solid var(--accent); border-color: transparent; }
              button { margin-top: 24px; width: 100%; padding: 11px; border: 0; border-radius: 10px; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
              button:hover { filter: brightness(1.08); }
              .error { background: #fef2f2; color: #b91c1c; border-radius: 10px; padding: 10px 12px; margin: 0 0 8px; }
              .brand { display: flex; align-items: center; gap: 10px; margin-bottom: 18px; font-weight: 700; color: var(--accent); }
              .dot { width: 12px; height: 12px; border-radius: 50%; background: var(--accent); box-shadow: 0 0 0 4px #e0e7ff; }
            </style>
            </head>
            <body>
            <main>
              <div class="brand"><span class="dot"></span>CustomerEngine</div>
              <h1>Sign in</h1>
              <p class="lead">Live customers and suggestions for your store.</p>
              {{errorHtml}}
              <form method="post" action="{{Path}}">
                <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? string.Empty)}}">
                <label for="userName">User name</label>
                <input id="userName" name="userName" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
              </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
