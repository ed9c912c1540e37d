using CustomerEngine.Grains.Hosting;
using CustomerEngine.Host.Availability;
using CustomerEngine.Host.Campaigns;
using CustomerEngine.Host.CrossSell;
using CustomerEngine.Host.Customers;
using CustomerEngine.Host.Dashboards;
using CustomerEngine.Host.DataRights;
using CustomerEngine.Host.Demo;
using CustomerEngine.Host.Engagement;
using CustomerEngine.Host.Health;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Limits;
using CustomerEngine.Host.Memory;
using CustomerEngine.Host.Nodes;
using CustomerEngine.Host.Overview;
using CustomerEngine.Host.Security;
using CustomerEngine.Host.Stores;
using CustomerEngine.Host.Telemetry;
using CustomerEngine.Host.ValueModels;

namespace CustomerEngine.Host.Hosting;

/// <summary>Wires the engine into an ASP.NET Core host.</summary>
public static class CustomerEngineHostExtensions
{
    /// <summary>
    /// Adds storage, grains and ingestion. The JSON conventions need no setup: minimal APIs use
    /// camelCase by default, and the domain's enums carry their own API names.
    /// </summary>
    public static WebApplicationBuilder AddCustomerEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // First, so that export starts before and stops after every other hosted service.
        builder.AddEngineTelemetry();
        services.AddSingleton(TimeProvider.System);
        services.AddYoungCollectionPacing(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreOutageExceptionHandler>();
        services.AddOpenApi(o => o.AddOperationTransformer<EventsRequestBodyDocumentation>());
        builder.AddEngineSecurity();

        // Order matters: hosted services stop in reverse, so the store (first) outlives the
        // grains (last) that flush their state into it on shutdown.
        services.AddEngineStore(configuration);
        services.AddCustomerGrains(configuration);
        services.AddValueModels(configuration);
        services.AddEventIngestion(configuration);
        services.AddIngestRateLimiting(configuration);
        services.AddDemoSimulator(configuration);
        services.AddCrossSellApi(configuration);
        services.AddEngagementHub(configuration);
        services.AddEngineOverview(configuration);
        services.AddCampaignsApi(configuration);

        // Last, so that it is the first to hear the host is stopping and to stop being ready.
        services.AddEngineHealth();
        return builder;
    }

    /// <summary>Maps every endpoint of the engine.</summary>
    public static WebApplication MapCustomerEngine(this WebApplication app)
    {
        app.UseHttpServerSpanEnrichment();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseEngineSecurity();

        // After authentication, so the per-caller window knows the caller.
        app.UseRateLimiter();
        app.MapDashboardPages();
        app.MapOpenApi().RequireAuthorization(EnginePolicies.Anonymous);
        app.MapEventsApi();
        app.MapCustomersApi();
        app.MapDataRightsApi();
        app.MapEngagementApi();
        app.MapStoresApi();
        app.MapValueModelsApi();
        app.MapCrossSellApi();
        app.MapEngagementHub();
        app.MapOverviewApi();
        app.MapCampaignsApi();
        app.MapHealthApi();
        app.MapNodesApi();
        return app;
    }
}
