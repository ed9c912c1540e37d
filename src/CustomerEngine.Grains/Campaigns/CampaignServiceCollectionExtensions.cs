using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>Registers real-time campaigns.</summary>
public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// Adds the campaign grains, the in-memory <see cref="ActiveCampaigns"/>, and the provider and
    /// observer that bring campaigns into every customer's arbitration. Options bind from
    /// <c>Campaigns</c>. Call after the grain runtime is added, so the lifetime starts after it.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration, GrainRuntimeBuilder grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        services.Configure<CampaignOptions>(configuration.GetSection("Campaigns"));
        services.TryAddSingleton<ActiveCampaigns>();
        services.TryAddSingleton<LiveCampaignOffers>();
        services.AddSingleton<ICandidateActionProvider>(sp => sp.GetRequiredService<LiveCampaignOffers>());
        services.AddSingleton<ISuggestionObserver>(sp => sp.GetRequiredService<LiveCampaignOffers>());
        grains.AddGrain<ICampaignGrain, CampaignGrain>();
        grains.AddGrain<ICampaignDirectoryGrain, CampaignDirectoryGrain>();
        services.AddHostedService<CampaignLifetime>();

        services.AddNodeNotifications();
        services.AddHostedService<CampaignChangeRelay>();
        services.AddHostedService<CampaignResultsRelay>();
        return services;
    }
}
