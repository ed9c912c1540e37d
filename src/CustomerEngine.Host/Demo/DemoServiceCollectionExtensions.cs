namespace CustomerEngine.Host.Demo;

/// <summary>Registers the built-in simulator.</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Adds the simulator, bound from <c>Demo</c>; it does nothing unless <c>Demo:Enabled</c> is true.</summary>
    public static IServiceCollection AddDemoSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddHostedService<DemoSimulator>();
        return services;
    }
}
