using System.Text.Json.Nodes;
using CustomerEngine.Durability.Tests.Traffic;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>Checks on the answers the clients got.</summary>
public static class AttemptAudit
{
    private const int Examples = 5;

    /// <summary>Fails, listing them, if any attempt's answer is not one of those <paramref name="allowed"/> says may happen.</summary>
    public static void AssertEveryAnswer(IEnumerable<EventBatch> batches, Func<PostAttempt, bool> allowed, string expectation)
    {
        var wrong = batches.SelectMany(b => b.Attempts.Select(a => (Batch: b, Attempt: a))).Where(x => !allowed(x.Attempt)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers were not {expectation}, e.g. {string.Join("; ", wrong.Take(Examples).Select(w => $"{w.Batch}: {w.Attempt}"))}");
    }

    /// <summary>Fails if a 202 rejected any event: the workload is meant to be valid, and a rejected event is acknowledged without being stored.</summary>
    public static void AssertNothingRejected(IEnumerable<EventBatch> batches)
    {
        var rejecting = batches.SelectMany(b => b.Attempts.Where(a => a.IsAccepted && JsonNode.Parse(a.Body!)?["rejected"] is JsonArray { Count: > 0 }).Select(a => $"{b}: {a}")).ToList();
        Assert.True(rejecting.Count == 0, $"{rejecting.Count} posts had events rejected as invalid (a fault of the test's workload), e.g. {string.Join("; ", rejecting.Take(Examples))}");
    }
}
