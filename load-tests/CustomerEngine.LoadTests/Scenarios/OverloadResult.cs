using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Memory;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// overload's result. The common fields describe the overload phase: <c>rate</c> is the offered
/// rate, <c>sent</c> the events accepted, <c>errors</c> only the failures that are not
/// back-pressure (a 429 is the engine protecting itself, counted in <see cref="RejectedRequests"/>).
/// Every offered request is in exactly one of accepted, rejected, other errors and not sent.
/// </summary>
public sealed record OverloadResult : LoadResult
{
    public OverloadResult(LoadResult run, MemoryReport memory)
        : base(run)
    {
        Memory = memory;
    }

    /// <summary>The rate taken as sustainable, in events/s: measured by the probe, or <c>--rate</c>.</summary>
    public int SustainableRate { get; init; }

    /// <summary>Whether <see cref="SustainableRate"/> was measured (true) or given.</summary>
    public bool Probed { get; init; }

    public double Factor { get; init; }

    public int OfferedRate { get; init; }

    public long OfferedRequests { get; init; }

    public long AcceptedRequests { get; init; }

    /// <summary>Requests answered 429.</summary>
    public long RejectedRequests { get; init; }

    /// <summary>Of those, the ones with a <c>Retry-After</c>.</summary>
    public long RejectedWithRetryAfter { get; init; }

    public int? RetryAfterMinSeconds { get; init; }

    public int? RetryAfterMaxSeconds { get; init; }

    /// <summary>Any other answer, a failed connection or a timeout (the same as <see cref="LoadResult.Errors"/>).</summary>
    public long OtherErrors { get; init; }

    /// <summary>Batches due while the tool already had <see cref="MaxOutstanding"/> requests in flight: not sent (client saturated).</summary>
    public long NotSentClientSaturated { get; init; }

    public int MaxOutstanding { get; init; }

    public MemoryReport Memory { get; init; }
}
