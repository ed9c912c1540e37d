using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;
using CustomerEngine.Storage;

namespace CustomerEngine.Host.Health;

/// <summary>
/// <c>GET /health/live</c>: the process is up and serving (restart it when this fails).
/// <c>GET /health/ready</c> and <c>GET /health</c>: the store is reachable and the start-up work is
/// done (send it traffic only when this succeeds).
/// </summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Registers the readiness gate and the engine's own start-up work in it.</summary>
    public static IServiceCollection AddEngineHealth(this IServiceCollection services)
    {
        services.AddSingleton<StartupReadiness>();
        services.AddHostedService<StartupReadinessLifetime>();
        return services;
    }

    /// <summary>Maps the health endpoints.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "alive" }))
            .RequireAuthorization(EnginePolicies.Anonymous).WithName("Liveness").WithSummary("200 while the process serves requests");
        app.MapGet("/health/ready", CheckReadyAsync)
            .RequireAuthorization(EnginePolicies.Anonymous).WithName("Readiness").WithSummary("200 when the store is reachable and start-up work is done, 503 otherwise");
        app.MapGet("/health", CheckReadyAsync)
            .RequireAuthorization(EnginePolicies.Anonymous).WithName("Health").WithSummary("The same as /health/ready");
        return app;
    }

    private static async Task<IResult> CheckReadyAsync(IEngineStore store, StartupReadiness readiness, ILoggerFactory loggers)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);

        // Waits out start-up work that finishes within the probe's time, so a probe sent just after
        // start does not flap; work that takes longer answers 503 and names itself.
        if (!await readiness.WaitUntilReadyAsync(timeout.Token))
        {
            var why = readiness.IsStopping ? "the engine is stopping" : "start-up work is not finished: " + string.Join(", ", readiness.Pending);
            return ApiProblem.For(StatusCodes.Status503ServiceUnavailable, "Not ready", "startup", $"Not ready: {why}.");
        }

        try
        {
            await store.PingAsync(timeout.Token);
            return TypedResults.Ok(new { status = "healthy" });
        }
        catch (Exception ex)
        {
            loggers.CreateLogger("Health").LogWarning(ex, "Store unreachable");
            return ApiProblem.For(StatusCodes.Status503ServiceUnavailable, "Unhealthy", "store", $"The store cannot be reached: {ex.Message}");
        }
    }
}
