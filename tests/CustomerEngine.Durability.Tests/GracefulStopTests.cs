using System.Diagnostics;
using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Durability.Tests.Traffic;
using CustomerEngine.Durability.Tests.Verification;
using CustomerEngine.Host.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.Durability.Tests;

/// <summary>
/// SIGTERM (systemd, Kubernetes, Ctrl-C) while clients post: requests already in flight finish,
/// later ones are refused or find the port closed, the grains' snapshots and the customer index
/// are flushed, and the process exits 0.
/// </summary>
public sealed class GracefulStopTests(DedicatedPostgresServer postgres, ITestOutputHelper output) : IClassFixture<DedicatedPostgresServer>
{
    private const int Seed = 6002;
    private const int Clients = 8;
    private const int Customers = 24;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Sigterm_under_load_finishes_requests_in_flight_flushes_state_and_exits_0(StorageProvider provider)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed + (int)provider);
        var workload = new EventWorkload(Seed + (int)provider, Clients, Customers, "stop");
        var heldWorkload = new EventWorkload(Seed + 100 + (int)provider, 1, 2, "held");
        await using var store = await EngineStoreUnderTest.CreateAsync(provider, postgres);

        ConcurrentClients traffic;
        int exitCode;
        TimeSpan stoppedAt;
        EventBatch heldBatch;
        PostAttempt heldAnswer;
        string hostOutput;
        await using (var host = await HostProcess.StartAsync(store.HostSettings()))
        {
            traffic = ConcurrentClients.Start(host, workload, Clients, TrafficMode.StopWhenHostIsGone, clock);
            await traffic.WaitForAcknowledgedAsync(20, "before SIGTERM");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1500)));

            // One request certainly in flight: the endpoint is reading its body when SIGTERM
            // comes, and the rest of the body is sent only once the host has stopped listening.
            using var heldBatches = heldWorkload.ForClient(0);
            heldBatches.MoveNext();
            heldBatch = heldBatches.Current;
            var held = await HeldPost.StartAsync(host, heldBatch, clock);
            stoppedAt = clock.Elapsed;
            host.SendSigterm();
            await host.WaitUntilRefusingConnectionsAsync();
            held.Release();
            heldAnswer = await held.Answer;
            exitCode = await host.WaitForExitAsync();
            hostOutput = host.RecentOutput();
            await traffic.StopAsync();
        }

        Assert.True(heldAnswer.IsAccepted, $"the request in flight when SIGTERM came was not finished: {heldAnswer}{Environment.NewLine}{hostOutput}");

        Assert.True(exitCode == 0, $"the host exited with code {exitCode} after SIGTERM:{Environment.NewLine}{hostOutput}");
        IReadOnlyList<EventBatch> sent = [.. traffic.Batches, heldBatch];
        var acknowledged = sent.Where(b => b.IsAcknowledged).ToList();
        var attempts = sent.SelectMany(b => b.Attempts).ToList();
        output.WriteLine($"{provider}: SIGTERM at {stoppedAt.TotalSeconds:0.000} s; {acknowledged.Count} of {sent.Count} batches acknowledged; answers: {string.Join(", ", attempts.GroupBy(a => a.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none").Select(g => $"{g.Count()}×{g.Key}"))}");
        AttemptAudit.AssertEveryAnswer(sent, a => a.IsAccepted || a.IsWellFormedUnavailable || a.IsConnectionFailure, "202s, 503 problem+json with Retry-After, or (once the host stopped listening) no answer");
        AttemptAudit.AssertNothingRejected(sent);

        var log = await LogContents.ReadAsync(store, [.. workload.CustomerIds, .. heldWorkload.CustomerIds]);
        log.AssertHoldsExactlyOnce(acknowledged, $"acknowledged before the host stopped ({acknowledged.Count} of {sent.Count} batches)");
        var sentEvents = sent.SelectMany(b => b.Events).ToDictionary(e => (string)e["eventId"]!, StringComparer.Ordinal);
        await FlushedState.AssertSnapshotsCoverTheLogAsync(store, log);
        await FlushedState.AssertIndexRowsCoverTheLogAsync(store, log, sentEvents);

        await using var restarted = await HostProcess.StartAsync(store.HostSettings());
        var views = await Customer360Views.ReadAsync(restarted, log.Customers);
        Customer360Views.AssertCountStoredEvents(views, log, "after the restart");
        Assert.Equal(0, await restarted.TerminateAsync());
    }
}
