using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Registers live suggestions and lets developers add their own behaviours.</summary>
public static class EngagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds arbitration, the catalog, learning and outcome recording, bound from <c>Engagement</c>.
    /// Call after <c>AddCustomerGrains</c>: its lifetime must start after the grain runtime.
    /// </summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services, IConfiguration configuration, GrainRuntimeBuilder grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        services.Configure<EngagementOptions>(configuration.GetSection("Engagement"));
        services.TryAddSingleton<ActionCatalogHolder>();
        services.TryAddSingleton<SuggestionEngine>();
        services.TryAddSingleton<ISuggestionOutcomeRecorder, SuggestionOutcomeRecorder>();
        grains.AddGrain<IEngagementStateGrain, EngagementStateGrain>();
        services.AddHostedService<EngagementLifetime>();
        services.AddNodeNotifications();
        services.AddHostedService<EngagementRelay>();
        services.AddHostedService<EngagementCatalogRelay>();
        return services;
    }

    /// <summary>
    /// Adds a plug-in behaviour: <typeparamref name="TBehavior"/> is registered as every engagement
    /// extension point it implements: <see cref="IEngagementEventHandler"/> (sees every applied
    /// event; may set custom attributes and emit derived events), <see cref="ICandidateActionProvider"/>
    /// (proposes actions), <see cref="IContextWeightRule"/> (weighs candidates) and <see cref="ISuggestionObserver"/> (sees what was presented). One instance
    /// serves them all and every customer, so it must be thread-safe; an exception it throws is
    /// logged and counted, and never breaks the customer grain.
    /// </summary>
    public static IServiceCollection AddEngagementBehavior<TBehavior>(this IServiceCollection services)
        where TBehavior : class
    {
        var implementsAny = false;
        services.TryAddSingleton<TBehavior>();
        if (typeof(IEngagementEventHandler).IsAssignableFrom(typeof(TBehavior)))
        {
            services.AddSingleton(sp => (IEngagementEventHandler)sp.GetRequiredService<TBehavior>());
            implementsAny = true;
        }

        if (typeof(ICandidateActionProvider).IsAssignableFrom(typeof(TBehavior)))
        {
            services.AddSingleton(sp => (ICandidateActionProvider)sp.GetRequiredService<TBehavior>());
            implementsAny = true;
        }

        if (typeof(ISuggestionObserver).IsAssignableFrom(typeof(TBehavior)))
        {
            services.AddSingleton(sp => (ISuggestionObserver)sp.GetRequiredService<TBehavior>());
            implementsAny = true;
        }

        if (typeof(IContextWeightRule).IsAssignableFrom(typeof(TBehavior)))
        {
            services.AddSingleton(sp => (IContextWeightRule)sp.GetRequiredService<TBehavior>());
            implementsAny = true;
        }

        return implementsAny
            ? services
            : throw new ArgumentException($"{typeof(TBehavior).Name} implements none of IEngagementEventHandler, ICandidateActionProvider, IContextWeightRule, ISuggestionObserver.", nameof(TBehavior));
    }
}
