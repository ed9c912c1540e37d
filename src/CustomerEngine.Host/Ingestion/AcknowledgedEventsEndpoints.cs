using CustomerEngine.Grains.Ingestion;

namespace CustomerEngine.Host.Ingestion;

/// <summary>
/// Reads that summarise many customers (lists, the overview, store presence, campaign results) wait
/// for the batches already answered to be applied by their grains, which happens just after the
/// <c>202</c> (decision 50). A reader then sees every event acknowledged before its request.
/// </summary>
public static class AcknowledgedEventsEndpoints
{
    // Bounded, so a read never hangs behind a backlog: at the queue's bound that is about a second of work.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Makes the endpoint wait (at most a few seconds) until the events answered before the request are applied.</summary>
    public static TBuilder WaitForAcknowledgedEvents<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            await WaitAsync(http.RequestServices, http.RequestAborted);
            return await next(context);
        });

    /// <summary>
    /// Waits (at most a few seconds) until the events answered so far are applied by their grains;
    /// for reads outside an endpoint, such as a dashboard joining a store over the hub.
    /// </summary>
    public static Task WaitAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CustomerEventPipeline>().AnsweredBatchesAppliedAsync(Patience, cancellationToken);
}
