using CustomerEngine.Grains.Engagement;
using CustomerEngine.Host.Security;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Host.Hubs;

/// <summary>Wires the engagement hub and its publisher into a host.</summary>
public static class EngagementHubExtensions
{
    /// <summary>
    /// Adds SignalR and makes <see cref="SignalREngagementPublisher"/> the engine's
    /// <see cref="IEngagementPublisher"/> (replacing the silent one whichever is registered first),
    /// relaying to dashboards on other nodes when the store registered shared
    /// <see cref="INodeNotifications"/>. Options bind from <c>Engagement:Push</c>.
    /// </summary>
    public static IServiceCollection AddEngagementHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.Configure<EngagementPushOptions>(configuration.GetSection("Engagement:Push"));
        services.AddSingleton<EngagementPushInstruments>();
        services.AddSingleton<DashboardAudience>();
        services.AddSingleton<StoreJoinFollowUp>();

        services.AddNodeNotifications();
        services.AddSingleton<RemoteAudience>();
        services.AddHostedService(sp => sp.GetRequiredService<RemoteAudience>());
        services.AddSingleton<SignalREngagementPublisher>();
        services.Replace(ServiceDescriptor.Singleton<IEngagementPublisher>(sp => sp.GetRequiredService<SignalREngagementPublisher>()));
        services.AddHostedService(sp => sp.GetRequiredService<SignalREngagementPublisher>());
        return services;
    }

    /// <summary>Maps <c>/hubs/engagement</c> for front-line users and keys.</summary>
    public static IEndpointRouteBuilder MapEngagementHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<EngagementHub>("/hubs/engagement").RequireAuthorization(EnginePolicies.FrontLine);
        return app;
    }
}
