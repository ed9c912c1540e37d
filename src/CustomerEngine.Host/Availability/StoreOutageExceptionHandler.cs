using Microsoft.AspNetCore.Diagnostics;

namespace CustomerEngine.Host.Availability;

/// <summary>
/// Answers any request that failed because the store is unreachable (a read of a customer whose
/// grain could not load its state, say) with 503 and <c>Retry-After</c> instead of a 500, so
/// clients and load balancers treat it as temporary.
/// </summary>
public sealed class StoreOutageExceptionHandler(ILogger<StoreOutageExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StoreOutage.IsOutage(exception))
        {
            return false;
        }

        // The cause is the store's, already visible in /health; one line per request, no stack.
        logger.LogWarning("{Method} {Path} answered 503: the store is unreachable ({Reason})", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        await StoreOutage.Refuse(httpContext).ExecuteAsync(httpContext);
        return true;
    }
}
