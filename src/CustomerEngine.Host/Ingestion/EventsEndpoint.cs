using System.Text.Json;
using CustomerEngine.Host.Availability;
using CustomerEngine.Host.Problems;
using CustomerEngine.Host.Security;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Ingestion;

/// <summary><c>POST /api/events</c>: one event or an array of events.</summary>
public static class EventsEndpoint
{
    /// <summary>Registers the ingestion service and its options (section <c>Ingest</c>).</summary>
    public static IServiceCollection AddEventIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IngestOptions>(configuration.GetSection("Ingest"));
        services.AddSingleton<AcceptedEventRate>();
        services.AddSingleton<IngestInstruments>();
        services.AddSingleton<EventIngestion>();
        return services;
    }

    /// <summary>Maps the event API.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", PostEventsAsync)
            .WithName("PostEvents")
            .WithSummary("Ingest one event or an array of events")
            .WithDescription("202 means durable: every accepted event is in the store before the response is sent. Duplicates (by eventId) are counted and change nothing; bad events are rejected one by one without sinking the rest of the batch. 503 with Retry-After means the store is unreachable: send the same request again later.")
            .Produces<IngestionResult>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(EnginePolicies.Ingest);
        return app;
    }

    private static async Task<IResult> PostEventsAsync(HttpRequest request, EventIngestion ingestion, IOptions<IngestOptions> options, IngestInstruments instruments, CancellationToken cancellationToken)
    {
        var startedAt = instruments.RequestStarted();
        int? status = null;
        try
        {
            var result = await AcceptEventsAsync(request, ingestion, options, cancellationToken);
            status = (result as IStatusCodeHttpResult)?.StatusCode;
            return result;
        }
        finally
        {
            instruments.RequestEnded(startedAt, status);
        }
    }

    private static async Task<IResult> AcceptEventsAsync(HttpRequest request, EventIngestion ingestion, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblem.For(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type", $"Send events as application/json, not {contentType}.");
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return TooLarge(limits);
        }

        using var body = await RequestBodyBuffer.ReadAsync(request.Body, request.ContentLength, limits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(limits);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException ex)
        {
            return ApiProblem.For(StatusCodes.Status400BadRequest, "Malformed JSON", "body", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            IReadOnlyList<JsonElement> elements;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    elements = [root];
                    break;
                case JsonValueKind.Array when root.GetArrayLength() > limits.MaxEventsPerRequest:
                    return ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Too many events", "body", $"A request may carry at most {limits.MaxEventsPerRequest} events; this one has {root.GetArrayLength()}. Split it into smaller batches.");
                case JsonValueKind.Array:
                    elements = [.. root.EnumerateArray()];
                    break;
                default:
                    return ApiProblem.For(StatusCodes.Status400BadRequest, "Not an event", "body", $"The body must be an event object or an array of event objects, not {root.ValueKind.ToString().ToLowerInvariant()}.");
            }

            IngestionResult result;
            try
            {
                result = await ingestion.IngestAsync(elements);
            }
            catch (Exception ex) when (StoreOutage.IsOutage(ex))
            {
                // Not acknowledged, so the producer still holds the events and can send them again;
                // any that did reach the log before the failure come back as duplicates.
                return StoreOutage.Refuse(request.HttpContext);
            }

            return TypedResults.Json(result, statusCode: StatusCodes.Status202Accepted);
        }
    }

    private static IResult TooLarge(IngestOptions limits) =>
        ApiProblem.For(StatusCodes.Status413PayloadTooLarge, "Request too large", "body", $"A request body may be at most {limits.MaxBodyBytes} bytes. Split it into smaller batches.");
}
