using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Storage.Notifications;

/// <summary>Registers what services that talk to other nodes build on.</summary>
public static class NodeNotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NodePeers"/> (once) and, unless the store registered a shared channel first
    /// (PostgreSQL), <see cref="SingleNodeNotifications"/>. Call after the store is added.
    /// </summary>
    public static IServiceCollection AddNodeNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<INodeNotifications, SingleNodeNotifications>();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(NodePeers)))
        {
            services.AddSingleton<NodePeers>();
            services.AddHostedService(provider => provider.GetRequiredService<NodePeers>());
        }

        return services;
    }
}
