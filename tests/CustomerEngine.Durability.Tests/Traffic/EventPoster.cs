using System.Diagnostics;
using System.Text;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>Posts a batch once, as a producer would, and records the attempt on it.</summary>
public static class EventPoster
{
    public static async Task<PostAttempt> PostAsync(HttpClient client, EventBatch batch, Stopwatch clock)
    {
        var sentAt = clock.Elapsed;
        PostAttempt attempt;
        try
        {
            using var content = new StringContent(batch.Body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/events", content);
            var body = await response.Content.ReadAsStringAsync();
            attempt = new PostAttempt(sentAt, clock.Elapsed, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, body, null);
        }
        catch (HttpRequestException ex)
        {
            attempt = new PostAttempt(sentAt, clock.Elapsed, null, null, null, null, ex.Message);
        }
        catch (TaskCanceledException)
        {
            attempt = new PostAttempt(sentAt, clock.Elapsed, null, null, null, null, $"no answer within {client.Timeout.TotalSeconds} s");
        }

        batch.Record(attempt);
        return attempt;
    }
}
