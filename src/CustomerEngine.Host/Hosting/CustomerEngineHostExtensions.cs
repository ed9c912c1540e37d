using CustomerEngine.Grains.Hosting;
using CustomerEngine.Host.CrossSell;
using CustomerEngine.Host.Customers;
using CustomerEngine.Host.Dashboards;
using CustomerEngine.Host.Demo;
using CustomerEngine.Host.Engagement;
using CustomerEngine.Host.Health;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Overview;
using CustomerEngine.Host.Security;
using CustomerEngine.Host.Stores;
using CustomerEngine.Host.ValueModels;
using CustomerEngine.Storage.Sqlite;

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
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddOperationTransformer<EventsRequestBodyDocumentation>());
        builder.AddEngineSecurity();

        // Order matters: hosted services stop in reverse, so the store (first) outlives the
        // grains (last) that flush their state into it on shutdown.
        services.AddSqliteEngineStore(o => configuration.GetSection("Storage").Bind(o));
        services.AddCustomerGrains(configuration);
        services.AddValueModels(configuration);
        services.AddEventIngestion(configuration);
        services.AddDemoSimulator(configuration);
        services.AddCrossSellApi(configuration);
        services.AddEngagementHub(configuration);
        services.AddEngineOverview(configuration);
        return builder;
    }

    /// <summary>Maps every endpoint of the engine.</summary>
    public static WebApplication MapCustomerEngine(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseEngineSecurity();
        app.MapDashboardPages();
        app.MapOpenApi().RequireAuthorization(EnginePolicies.Anonymous);
        app.MapEventsApi();
        app.MapCustomersApi();
        app.MapEngagementApi();
        app.MapStoresApi();
        app.MapValueModelsApi();
        app.MapCrossSellApi();
        app.MapEngagementHub();
        app.MapOverviewApi();
        app.MapHealthApi();
        return app;
    }
}
