using CustomerEngine.Host.Security;
using CustomerEngine.Host.Problems;
using CustomerEngine.Storage;

namespace CustomerEngine.Host.Health;

/// <summary><c>GET /health</c>: healthy when the store can be reached.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).RequireAuthorization(EnginePolicies.Anonymous).WithName("Health").WithSummary("200 when the store is reachable, 503 otherwise");
        return app;
    }

    private static async Task<IResult> CheckAsync(IEngineStore store, ILoggerFactory loggers)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
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
