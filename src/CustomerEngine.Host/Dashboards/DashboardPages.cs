using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.Dashboards;

/// <summary>
/// The dashboards: static pages that talk to the API and the hub. The page routes carry the
/// policies, so a stranger is sent to the sign-in page instead of seeing an empty shell.
/// </summary>
public static class DashboardPages
{
    /// <summary>Serves the scripts and styles, and maps <c>/staff</c>, <c>/overview</c> and <c>/marketing</c>.</summary>
    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        app.MapGet("/staff", (IWebHostEnvironment environment) => Page(environment, "staff.html"))
            .RequireAuthorization(EnginePolicies.FrontLine)
            .ExcludeFromDescription();
        app.MapGet("/overview", (IWebHostEnvironment environment) => Page(environment, "overview.html"))
            .RequireAuthorization(EnginePolicies.Overview)
            .ExcludeFromDescription();
        app.MapGet("/marketing", (IWebHostEnvironment environment) => Page(environment, "marketing.html"))
            .RequireAuthorization(EnginePolicies.Marketing)
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, string file)
    {
        var page = environment.WebRootFileProvider.GetFileInfo(file);
        return page.Exists
            ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Dashboard missing", detail: $"{file} is not in the web root.");
    }
}
