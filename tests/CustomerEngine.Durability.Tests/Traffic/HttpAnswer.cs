using System.Globalization;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>The answer to one GET (a health probe, a customer read), with when it was sent and answered since the test's start.</summary>
public sealed record HttpAnswer(string Path, TimeSpan SentAt, TimeSpan AnsweredAt, int? Status, string? ContentType, TimeSpan? RetryAfter, string? Body)
{
    public static async Task<HttpAnswer> GetAsync(HttpClient client, string path, TimeSpan sentAt, Func<TimeSpan> now)
    {
        try
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            return new HttpAnswer(path, sentAt, now(), (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new HttpAnswer(path, sentAt, now(), null, null, null, ex.Message);
        }
    }

    public bool Within(TimeSpan from, TimeSpan to) => SentAt >= from && AnsweredAt <= to;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GET {Path} sent {SentAt.TotalSeconds:0.000} s, answered {AnsweredAt.TotalSeconds:0.000} s: {Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"} {ContentType} {(Body is { Length: > 200 } b ? b[..200] + "…" : Body)}");
}
