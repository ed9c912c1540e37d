using CustomerEngine.Grains.Value;
using CustomerEngine.Grains.ValueModelFitting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.Hosting;

/// <summary>Adds the value models (BG/NBD, Gamma-Gamma, CLV) and their fits to a host.</summary>
public static class ValueModelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the fit job, the grain that keeps the current fit, and the nightly schedule; options bind from the
    /// <c>ValueModels</c> section of <paramref name="configuration"/>. Call after <see cref="CustomerGrainsServiceCollectionExtensions.AddCustomerGrains"/>:
    /// hosted services start in order, and the fit is loaded once the grain runtime runs.
    /// </summary>
    public static IServiceCollection AddValueModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ValueModelOptions>(configuration.GetSection("ValueModels"));
        services.TryAddSingleton<ValueModelSnapshot>();
        services.TryAddSingleton<PurchaseHistoryReader>();
        services.TryAddSingleton<ValueModelFitJob>();
        services.AddHostedService(provider => provider.GetRequiredService<ValueModelFitJob>());
        services.AddHostedService<ValueModelSchedule>();
        services.AddGrainRuntime().AddGrain<IValueModelGrain, ValueModelGrain>();
        return services;
    }
}
