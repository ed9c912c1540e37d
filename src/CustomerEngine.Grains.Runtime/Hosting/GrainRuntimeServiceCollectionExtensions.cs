using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.State;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the grain runtime.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GrainRuntime"/> as a singleton, as <see cref="IGrainFactory"/> and as a hosted
    /// service, plus the JSON <see cref="IPersistentStateFactory"/>. The runtime uses the registered
    /// <see cref="TimeProvider"/> if there is one, else <see cref="TimeProvider.System"/>. Calling it
    /// again only applies <paramref name="configure"/>.
    /// </summary>
    /// <returns>A builder to register grains, call filters and storage.</returns>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (!services.Any(descriptor => descriptor.ServiceType == typeof(GrainRuntime)))
        {
            services.AddSingleton(provider => new GrainRuntime(provider));
            services.AddSingleton<IGrainFactory>(provider => provider.GetRequiredService<GrainRuntime>());
            services.AddHostedService(provider => provider.GetRequiredService<GrainRuntime>());
            services.TryAddSingleton<IPersistentStateFactory, JsonPersistentStateFactory>();
        }

        return new GrainRuntimeBuilder(services);
    }
}
