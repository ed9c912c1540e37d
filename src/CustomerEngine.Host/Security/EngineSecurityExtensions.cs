using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CustomerEngine.Host.Security;

/// <summary>Wires sign-in, API keys and the engine's authorization policies into a host.</summary>
public static class EngineSecurityExtensions
{
    private const string SelectingScheme = "Engine";

    /// <summary>
    /// Adds cookie sign-in for people, <c>X-Api-Key</c> for machines and the policies of
    /// <see cref="EnginePolicies"/>; credentials come from the <c>Security</c> section.
    /// </summary>
    public static WebApplicationBuilder AddEngineSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EngineSecurityOptions>(o =>
        {
            o.SeedDemoCredentials = builder.Environment.IsDevelopment();
            builder.Configuration.GetSection("Security").Bind(o);
        });
        services.AddSingleton<CredentialDirectory>();
        services.AddHostedService<SecurityStartupCheck>();
        services.AddAntiforgery();

        services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = SignInEndpoints.Path;
                o.AccessDeniedPath = SignInEndpoints.Path;
                o.Cookie.Name = "ce-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;

                // Pages are sent to the sign-in page; API and hub calls get a status they can act on.
                o.Events.OnRedirectToLogin = context => SecurityProblems.IsApiRequest(context.Request)
                    ? SecurityProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", ApiKeyAuthenticationHandler.HeaderName, "Send an API key in the X-Api-Key header, or sign in.")
                    : RedirectAsync(context);
                o.Events.OnRedirectToAccessDenied = context => SecurityProblems.IsApiRequest(context.Request)
                    ? SecurityProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "role", "Your role may not do this.")
                    : RedirectAsync(context);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(EnginePolicies.Ingest, p => p.RequireRole(EngineClaims.Ingest, EngineClaims.Admin))
            .AddPolicy(EnginePolicies.FrontLine, p => p.RequireRole(EngineClaims.Staff, EngineClaims.Manager, EngineClaims.Marketing, EngineClaims.Admin))
            .AddPolicy(EnginePolicies.Overview, p => p.RequireRole(EngineClaims.Manager, EngineClaims.Marketing, EngineClaims.Admin))
            .AddPolicy(EnginePolicies.Marketing, p => p.RequireRole(EngineClaims.Marketing, EngineClaims.Admin))
            .AddPolicy(EnginePolicies.Admin, p => p.RequireRole(EngineClaims.Admin))
            .AddPolicy(EnginePolicies.Anonymous, p => p.RequireAssertion(_ => true))

            // An endpoint someone forgot to give a policy is closed, not open; a test also
            // checks that every endpoint names its policy.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>Adds authentication and authorization to the pipeline and maps the sign-in pages.</summary>
    public static WebApplication UseEngineSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSignInEndpoints();
        return app;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
