using CustomerEngine.CrossSell.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>Adds the engine's live cross-sell model to a host.</summary>
public static class CrossSellServiceCollectionExtensions
{
    /// <summary>
    /// Registers the live model (also as <see cref="ICrossSellModelReader"/>) and the hosted service
    /// that restores, backfills and checkpoints it; options bind from the <c>CrossSell</c> section.
    /// </summary>
    /// <remarks>Register the store first: the model's last checkpoint is written while the host stops, and the store must still be open.</remarks>
    public static IServiceCollection AddLiveCrossSellModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveCrossSellOptions>()
            .Bind(configuration.GetSection("CrossSell"))
            .Validate(o => o.MinSupport is >= 0 and <= 1 && o.MinConfidence is >= 0 and <= 1, "CrossSell:MinSupport and CrossSell:MinConfidence are fractions from 0 to 1.")
            .Validate(o => o.CheckpointInterval > TimeSpan.Zero, "CrossSell:CheckpointInterval must be positive.")
            .Validate(o => o.BackfillPageSize is >= 1 and <= 100_000, "CrossSell:BackfillPageSize must be from 1 to 100,000.")
            .ValidateOnStart();
        services.AddSingleton<LiveCrossSellModel>();
        services.AddSingleton<ICrossSellModelReader>(sp => sp.GetRequiredService<LiveCrossSellModel>());
        services.AddSingleton<CrossSellModelLifetime>();
        services.AddHostedService(sp => sp.GetRequiredService<CrossSellModelLifetime>());
        return services;
    }
}
