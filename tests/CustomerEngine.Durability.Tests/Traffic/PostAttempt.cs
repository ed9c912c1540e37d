using System.Globalization;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>One attempt to post a batch: when, and the answer (or why there was none). Times are since the test's start.</summary>
public sealed record PostAttempt(TimeSpan SentAt, TimeSpan AnsweredAt, int? Status, string? ContentType, TimeSpan? RetryAfter, string? Body, string? Failure)
{
    public bool IsAccepted => Status == 202;

    /// <summary>No HTTP answer at all: the connection was refused or dropped.</summary>
    public bool IsConnectionFailure => Failure is not null;

    /// <summary>A 503 as the API promises it: problem+json, with a Retry-After of at least a second.</summary>
    public bool IsWellFormedUnavailable => Status == 503 && ContentType == "application/problem+json" && RetryAfter >= TimeSpan.FromSeconds(1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent {SentAt.TotalSeconds:0.000} s, answered {AnsweredAt.TotalSeconds:0.000} s: {(Failure is not null ? "no answer (" + Failure + ")" : Status + " " + ContentType + (RetryAfter is { } r ? " Retry-After " + r.TotalSeconds + " s" : "") + " " + Shorten(Body))}");

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
