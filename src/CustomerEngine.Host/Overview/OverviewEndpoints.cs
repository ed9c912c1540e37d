using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Security;

namespace CustomerEngine.Host.Overview;

/// <summary>The live overview: <c>GET /api/overview</c> and its pushes over the engagement hub.</summary>
public static class OverviewEndpoints
{
    /// <summary>Adds the snapshot reader, the audience and the broadcaster; options bind from <c>Overview</c>.</summary>
    /// <remarks>Register after the store: hosted services stop in reverse, so the broadcaster stops before the store closes.</remarks>
    public static IServiceCollection AddEngineOverview(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OverviewOptions>(configuration.GetSection("Overview"));
        services.AddSingleton<OverviewSnapshotReader>();
        services.AddHostedService<OverviewBroadcaster>();
        services.AddHostedService<OverviewShareRelay>();
        return services;
    }

    /// <summary>Maps <c>GET /api/overview</c> for managers, marketing and admins.</summary>
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", (OverviewSnapshotReader snapshots, CancellationToken cancellationToken) => snapshots.ReadAsync(cancellationToken))
            .WaitForAcknowledgedEvents()
            .WithName("GetOverview")
            .WithSummary("The live overview: event rate, customers in stores, lifecycle, tiers, suggestion acceptance and NPS by segment")
            .WithDescription("The same snapshot the hub pushes as OverviewUpdated to connections that called JoinOverview. Counts of the customer base come from the customer index and may trail live changes by its flush interval.")
            .Produces<OverviewSnapshot>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(EnginePolicies.Overview);
        return app;
    }
}
