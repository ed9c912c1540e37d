namespace CustomerEngine.Host.Memory;

/// <summary>Registers <see cref="YoungCollectionPacer"/>.</summary>
public static class YoungCollectionPacingExtensions
{
    /// <summary>Paces young-generation collections as section <c>GarbageCollection:Pacing</c> says.</summary>
    public static IServiceCollection AddYoungCollectionPacing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<YoungCollectionPacingOptions>(configuration.GetSection("GarbageCollection:Pacing"));
        services.AddSingleton<YoungCollectionPacer>();
        services.AddHostedService(provider => provider.GetRequiredService<YoungCollectionPacer>());
        return services;
    }
}
