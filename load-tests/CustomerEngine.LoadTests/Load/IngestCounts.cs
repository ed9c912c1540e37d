namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// What became of the requests due in the measured period: every one of them is counted exactly
/// once, in <see cref="Accepted"/>, <see cref="Rejected"/>, <see cref="OtherErrors"/> or
/// <see cref="NotSent"/>, so they add up to <see cref="Offered"/>.
/// </summary>
/// <param name="Offered">Requests due (open model) or started (closed model).</param>
/// <param name="Accepted">Answered <c>202</c>.</param>
/// <param name="Rejected">Answered <c>429</c>: the engine's back-pressure, nothing stored.</param>
/// <param name="RejectedWithRetryAfter">Of those, how many said when to come back.</param>
/// <param name="RetryAfterMinSeconds">The shortest <c>Retry-After</c> given, if any.</param>
/// <param name="RetryAfterMaxSeconds">The longest.</param>
/// <param name="OtherErrors">Any other answer, a failed connection or a request timed out.</param>
/// <param name="NotSent">Due while the tool already had its maximum of requests in flight (open model only).</param>
public sealed record IngestCounts(
    long Offered,
    long Accepted,
    long Rejected,
    long RejectedWithRetryAfter,
    int? RetryAfterMinSeconds,
    int? RetryAfterMaxSeconds,
    long OtherErrors,
    long NotSent);
