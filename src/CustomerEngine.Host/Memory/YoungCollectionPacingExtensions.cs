namespace CustomerEngine.Host.Memory;

/// <summary>Registers <see cref="YoungCollectionPacer"/>.</summary>
public static class YoungCollectionPacingExtensions
{
    /// <summary>Paces young-generation collections as section <c>GarbageCollection:Pacing</c> says.</summary>
    public static IServiceCollection AddYoungCollectionPacing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<YoungCollectionPacingOptions>()
            .Bind(configuration.GetSection("GarbageCollection:Pacing"))
            .Validate(o => o.BudgetMegabytes >= 0, "GarbageCollection:Pacing:BudgetMegabytes must be 0 (off) or more.")
            .Validate(o => o.MaxAllocationRateMegabytesPerSecond > 0, "GarbageCollection:Pacing:MaxAllocationRateMegabytesPerSecond must be positive.")
            .Validate(o => o.MaxProcessorShare is > 0 and <= 1, "GarbageCollection:Pacing:MaxProcessorShare is a fraction above 0 and at most 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "GarbageCollection:Pacing:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<YoungCollectionPacer>();
        services.AddHostedService(provider => provider.GetRequiredService<YoungCollectionPacer>());
        return services;
    }
}
