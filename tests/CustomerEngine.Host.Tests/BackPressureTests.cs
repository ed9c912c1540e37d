using System.Net;
using CustomerEngine.Host.Security;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.Storage;
using CustomerEngine.Storage.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class BackPressureTests
{
    [Fact]
    public async Task Past_the_bound_of_requests_in_flight_the_event_api_says_slow_down_and_stores_nothing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new EngineFactory();
        await using var bounded = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Ingest:Limits:MaxInFlightRequests", "1");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEventLog>();
                services.AddSingleton<IEventLog>(sp => new HeldAppends(sp.GetRequiredService<IEngineStore>(), holding, release.Task));
            });
        });
        var client = bounded.CreateClient();
        var (first, second) = ($"c-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");

        var inFlight = client.PostEventsAsync(Purchase(first, DateTimeOffset.UtcNow));
        await holding.Task;
        var (refused, problem, contentType) = await client.PostEventsAsync(Purchase(second, DateTimeOffset.UtcNow));
        using var raw = await client.PostAsync("/api/events", new StringContent(Purchase(second, DateTimeOffset.UtcNow).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        release.SetResult();
        var (accepted, _, _) = await inFlight;
        var (afterwards, _, _) = await client.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));
        var (lookup, _, _) = await client.GetJsonAsync($"/api/customers/{second}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(problem!["field"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.True(raw.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "a 429 says when to come back");
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal(HttpStatusCode.Accepted, afterwards);
        Assert.Equal(HttpStatusCode.NotFound, lookup);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Each_api_key_has_its_own_rate_limit()
    {
        await using var factory = new EngineFactory();
        await using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Ingest:Limits:PermitsPerCaller", "2")
            .UseSetting("Ingest:Limits:Window", "00:10:00"));
        var admin = limited.CreateClient();
        var ingest = limited.CreateClient();
        ingest.DefaultRequestHeaders.Remove("X-Api-Key");
        ingest.DefaultRequestHeaders.Add("X-Api-Key", DemoCredentials.IngestKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await admin.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow))).Status);
        }

        var (other, _, _) = await ingest.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));
        var (reads, _, _) = await admin.GetJsonAsync("/health");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, other);
        Assert.Equal(HttpStatusCode.OK, reads);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    // The real log, except that the first append waits until the test lets it through.
    private sealed class HeldAppends(IEventLog inner, TaskCompletionSource holding, Task release) : IEventLog
    {
        private int _appends;

        public async Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _appends) == 1)
            {
                holding.SetResult();
                await release;
            }

            return await inner.AppendAsync(events, cancellationToken);
        }

        public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
            inner.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

        public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
            inner.ReadStreamStatsAsync(streamKeys, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
            inner.ScanAsync(type, afterSequence, limit, cancellationToken);

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
    }
}
