using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.CrossSell;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.Hosting;

/// <summary>Adds the customer grains, their options and their background work to a host.</summary>
public static class CustomerGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the grain runtime with the customer, store-presence and maintenance grains.
    /// Options bind from <c>Customers</c> (domain rules), <c>Customers:Grains</c>,
    /// <c>Customers:Index</c>, <c>Customers:Delivery</c>, <c>Presence</c>, <c>Maintenance</c>, <c>Value:Tiers</c>,
    /// <c>CrossSell</c> (the live cross-sell model), <c>DataRights</c> and <c>Grains</c> (runtime) in
    /// <paramref name="configuration"/>.
    /// </summary>
    /// <remarks>Register the store before calling this: hosted services stop in reverse order, and the store must outlive the grains that flush into it.</remarks>
    public static GrainRuntimeBuilder AddCustomerGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CustomerRules>(configuration.GetSection("Customers"));
        services.Configure<CustomerGrainOptions>(configuration.GetSection("Customers:Grains"));
        services.Configure<CustomerIndexOptions>(configuration.GetSection("Customers:Index"));
        services.Configure<PresenceOptions>(configuration.GetSection("Presence"));
        services.Configure<MaintenanceOptions>(configuration.GetSection("Maintenance"));
        services.Configure<TierRules>(configuration.GetSection("Value:Tiers"));
        services.Configure<EventDeliveryOptions>(configuration.GetSection("Customers:Delivery"));
        services.AddSingleton<ValueDistributionSnapshot>();
        services.TryAddSingleton<ValueModelSnapshot>();
        services.TryAddSingleton<LifetimeValueSnapshot>();
        services.AddSingleton<CustomerIndexWriter>();
        services.AddSingleton<CustomerEventPipeline>();
        services.AddLiveCrossSellModel(configuration);
        services.TryAddSingleton<IEngagementPublisher, SilentEngagementPublisher>();
        services.TryAddSingleton<StorePresenceDirectory>();
        services.AddHostedService<PresenceForgetRelay>();
        services.TryAddSingleton<IReminderClaimFilter, NodeOwnedReminders>();
        services.TryAddSingleton<OutcomeTally>();
        services.AddCustomerDataRights(configuration);
        services.AddHostedService(sp => sp.GetRequiredService<CustomerIndexWriter>());
        services.AddNodeNotifications();
        services.AddSingleton<CustomerActivations>();
        services.AddSingleton<CustomerGrainServices>();
        services.AddSingleton<CustomerSummaryReader>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerActivations>());

        var runtime = services.AddGrainRuntime(options => configuration.GetSection("Grains").Bind(options))
            .AddGrain<ICustomerGrain, CustomerGrain>()
            .AddGrain<IStorePresenceGrain, StorePresenceGrain>()
            .AddGrain<IEngineMaintenanceGrain, EngineMaintenanceGrain>();
        services.AddHostedService<MaintenanceSchedule>();
        services.AddHostedService<ValueSnapshotRelay>();
        services.AddEngagement(configuration, runtime);
        services.AddCampaigns(configuration, runtime);

        // Last, so it stops first: acknowledged batches are applied before the campaigns and
        // the engagement services flush and before the runtime deactivates the grains.
        services.AddHostedService(sp => sp.GetRequiredService<CustomerEventPipeline>());
        return runtime;
    }
}
