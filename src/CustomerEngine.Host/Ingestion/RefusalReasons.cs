namespace CustomerEngine.Host.Ingestion;

/// <summary>The values of the <c>reason</c> tag of <see cref="IngestInstruments.RefusedRequestsInstrumentName"/>.</summary>
public static class RefusalReasons
{
    /// <summary>400: the body is not JSON, or not an event or an array of events.</summary>
    public const string Malformed = "malformed";

    /// <summary>413: the body or the number of events is over the limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>415: not a JSON content type.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>429: the engine is at its bound of in-flight work, or the caller at its rate limit.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>503: the store cannot be reached, so nothing can be made durable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The handler threw; the exception handler answered 500.</summary>
    public const string Error = "error";

    /// <summary>The reason a request answered <paramref name="statusCode"/> was refused; null for a status that is not a refusal.</summary>
    public static string? ForStatus(int? statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => Malformed,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => Overloaded,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => null,
    };
}
