using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Limits;

/// <summary>
/// Back-pressure on the event API with the framework's rate limiter: an optional fixed window per
/// caller, chained with a bound on event requests in flight for the whole engine. A refusal is a
/// 429 problem+json with <c>Retry-After</c>, sent before the body is read: nothing is stored.
/// </summary>
public static class IngestRateLimiting
{
    private static readonly PathString EventsPath = "/api/events";

    /// <summary>Registers the limiter, bound from <c>Ingest:Limits</c>; <c>UseRateLimiter</c> must follow authentication.</summary>
    public static IServiceCollection AddIngestRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IngestLimitOptions>(configuration.GetSection("Ingest:Limits"));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IngestLimitOptions>>((limiter, ingest) =>
        {
            var options = ingest.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RejectAsync(context, options);
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerCaller(options), InFlight(options));
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> InFlight(IngestLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsIngest(context)
            ? RateLimitPartition.GetConcurrencyLimiter("in-flight", _ => new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, options.MaxInFlightRequests), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("other"));

    private static PartitionedRateLimiter<HttpContext> PerCaller(IngestLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsIngest(context) && options.PermitsPerCaller > 0
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerCaller, Window = options.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("other"));

    private static bool IsIngest(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(EventsPath, StringComparison.OrdinalIgnoreCase);

    private static async ValueTask RejectAsync(OnRejectedContext context, IngestLimitOptions options)
    {
        context.HttpContext.RequestServices.GetService<IngestInstruments>()?.Refused(RefusalReasons.Overloaded);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var hint) ? hint : options.RetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.For(
            StatusCodes.Status429TooManyRequests, "Slow down", "body",
            $"The engine is taking all the events it can right now; nothing of this request was stored. Send it again in {seconds} s.")
            .ExecuteAsync(context.HttpContext);
    }
}
