using System.Diagnostics;
using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Durability.Tests.Traffic;
using CustomerEngine.Durability.Tests.Verification;
using CustomerEngine.Host.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.Durability.Tests;

/// <summary>
/// The store unreachable for 10 s while clients post: PostgreSQL stopped by its operator, or the
/// SQLite file's write lock held by another process. Nothing may be acknowledged that is not
/// stored, callers are told to come back (503 problem+json with Retry-After), health says
/// unhealthy, and when the store returns the same process serves again by itself, with every
/// acknowledged event stored once and every customer's state counting it.
/// </summary>
public sealed class DatabaseOutageTests(DedicatedPostgresServer postgres, ITestOutputHelper output) : IClassFixture<DedicatedPostgresServer>
{
    private const int Seed = 6003;
    private const int Clients = 4;
    private const int LateClients = 2;
    private const int Customers = 12;
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(StorageProvider.Postgres)]
    [InlineData(StorageProvider.Sqlite)]
    public async Task Store_outage_under_traffic_answers_503_with_retry_after_reports_unhealthy_and_recovers_by_itself_losing_nothing(StorageProvider provider)
    {
        var clock = Stopwatch.StartNew();
        var workload = new EventWorkload(Seed + (int)provider, Clients, Customers, "outage");
        var lateWorkload = new EventWorkload(Seed + 100 + (int)provider, LateClients, Customers, "late");
        await using var store = await EngineStoreUnderTest.CreateAsync(provider, postgres);

        // Grains idle for 3 s are deactivated, so the reads made during the outage activate
        // customers afresh, and their state reads fail with the store.
        await using var host = await HostProcess.StartAsync(store.HostSettings([.. store.OutageSettings, "--Grains:CollectionAge=00:00:03", "--Grains:CollectionQuantum=00:00:01"]));
        var processId = host.ProcessId;
        var traffic = ConcurrentClients.Start(host, workload, Clients, TrafficMode.RetryUntilAccepted, clock);
        await traffic.WaitForAcknowledgedAsync(10, "before the outage");
        var probes = HealthProbes.Start(host, clock);

        TimeSpan downFrom;
        TimeSpan upFrom;
        string outageDescription;
        ConcurrentClients lateTraffic;
        IReadOnlyList<HttpAnswer> readsDuringOutage;
        await using (var outage = store.CreateOutage())
        {
            outageDescription = outage.Description;
            await outage.BeginAsync();
            downFrom = clock.Elapsed;

            // Producers that arrive during the outage post at once, rather than after a Retry-After.
            lateTraffic = ConcurrentClients.Start(host, lateWorkload, LateClients, TrafficMode.RetryUntilAccepted, clock);
            await Task.Delay(OutageLength * 0.7);
            readsDuringOutage = await ReadCustomersAsync(host, EventBatch.CustomersOf(traffic.Batches.Where(b => b.IsAcknowledged)), clock);
            var rest = downFrom + OutageLength - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            upFrom = clock.Elapsed;
            await outage.EndAsync();
        }

        await WaitForRecoveryAsync(traffic, lateTraffic, probes, upFrom, host);
        await traffic.WaitForAcknowledgedAsync(traffic.AcknowledgedCount + 10, "after the store came back");
        await traffic.StopAsync();
        await lateTraffic.StopAsync();
        await probes.StopAsync();
        IReadOnlyList<EventBatch> sent = [.. traffic.Batches, .. lateTraffic.Batches];
        await Resender.ResendUntilAcceptedAsync(host, sent.Where(b => !b.IsAcknowledged).ToList(), clock);
        Assert.False(host.HasExited, "the host exited during the outage");
        Assert.Equal(processId, host.ProcessId);
        var views = await Customer360Views.ReadAsync(host, EventBatch.CustomersOf(sent));
        Assert.Equal(0, await host.TerminateAsync());

        var attempts = sent.SelectMany(b => b.Attempts).ToList();
        var withinOutage = attempts.Where(a => a.SentAt >= downFrom && a.AnsweredAt <= upFrom).ToList();
        var answers = probes.Answers;
        output.WriteLine($"{provider}: outage {downFrom.TotalSeconds:0.0}–{upFrom.TotalSeconds:0.0} s; {sent.Count} batches, {attempts.Count} attempts ({attempts.Count(a => a.Status == 503)} answered 503, {withinOutage.Count} sent and answered within the outage); {answers.Count} health probes; reads during the outage: {string.Join(", ", readsDuringOutage.GroupBy(r => r.Status).Select(g => $"{g.Count()}×{g.Key}"))}");

        AttemptAudit.AssertEveryAnswer(sent, a => a.IsAccepted || a.IsWellFormedUnavailable, "202s or 503 problem+json with a Retry-After");
        AttemptAudit.AssertNothingRejected(sent);
        Assert.True(withinOutage.Count > 0 && withinOutage.All(a => a.Status == 503), $"posts sent and answered while the store was down ({outageDescription}) must all be 503, and there must be some: {string.Join("; ", withinOutage.Take(5))}");

        AssertProbes(answers, HealthProbes.Health, downFrom, upFrom, 503);
        AssertProbes(answers, HealthProbes.Ready, downFrom, upFrom, 503);
        AssertProbes(answers, HealthProbes.Live, downFrom, upFrom, 200);
        Assert.True(
            readsDuringOutage.All(r => r.Status == 200 || (r.Status == 503 && r.ContentType == "application/problem+json" && r.RetryAfter >= TimeSpan.FromSeconds(1))),
            $"customer reads during the outage must be served (from memory) or answered 503 problem+json with Retry-After: {string.Join("; ", readsDuringOutage.Where(r => r.Status != 200).Take(5))}");
        if (provider == StorageProvider.Postgres)
        {
            // With the server down even reads fail, so an activation must have failed, and the
            // views read afterwards show that failed activations were not left broken.
            Assert.True(readsDuringOutage.Any(r => r.Status == 503), $"no customer read failed while PostgreSQL was down, so no failed activation was exercised: {string.Join("; ", readsDuringOutage.Take(5))}");
        }

        var log = await LogContents.ReadAsync(store, [.. workload.CustomerIds, .. lateWorkload.CustomerIds]);
        log.AssertHoldsExactlyOnce([.. sent.Where(b => b.Attempts.Any(a => a.IsAccepted && a.AnsweredAt <= upFrom))], "acknowledged before the store came back");
        log.AssertHoldsExactlyOnce(sent, "sent in all, each until it was accepted");
        log.AssertHoldsNothingBut(sent);
        Customer360Views.AssertCountStoredEvents(views, log, "after the outage, with no restart");

        // Writes that failed during the outage (snapshots of grains deactivated meanwhile, index
        // rows due then) must not stay lost once the store is back.
        await FlushedState.AssertSnapshotsCoverTheLogAsync(store, log);
        await FlushedState.AssertIndexRowsCoverTheLogAsync(store, log, sent.SelectMany(b => b.Events).ToDictionary(e => (string)e["eventId"]!, StringComparer.Ordinal));
    }

    private static void AssertProbes(IReadOnlyList<HttpAnswer> answers, string path, TimeSpan downFrom, TimeSpan upFrom, int expected)
    {
        var during = answers.Where(a => a.Path == path && a.Within(downFrom, upFrom)).ToList();
        Assert.True(
            during.Count > 0 && during.All(a => a.Status == expected),
            $"{path} must answer {expected} throughout the outage ({during.Count} probes within it): {string.Join("; ", during.Where(a => a.Status != expected).Take(5))}");
    }

    private static async Task WaitForRecoveryAsync(ConcurrentClients traffic, ConcurrentClients lateTraffic, HealthProbes probes, TimeSpan upFrom, HostProcess host)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var accepted = traffic.Batches.Concat(lateTraffic.Batches).SelectMany(b => b.Attempts).Any(a => a.IsAccepted && a.SentAt >= upFrom);
            var healthy = probes.Answers.Any(a => a.Path == HealthProbes.Health && a.Status == 200 && a.SentAt >= upFrom);
            if (accepted && healthy)
            {
                return;
            }

            Assert.True(
                deadline.Elapsed < TimeSpan.FromSeconds(60),
                $"60 s after the store came back the host has {(accepted ? "" : "not ")}accepted a post and {(healthy ? "is" : "is not")} healthy; last probes: {string.Join("; ", probes.Answers.TakeLast(3))}{Environment.NewLine}{host.RecentOutput()}");
            await Task.Delay(100);
        }
    }

    private static async Task<IReadOnlyList<HttpAnswer>> ReadCustomersAsync(HostProcess host, IEnumerable<string> customerIds, Stopwatch clock)
    {
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var answers = new List<HttpAnswer>();
        foreach (var id in customerIds)
        {
            answers.Add(await HttpAnswer.GetAsync(client, $"/api/customers/{Uri.EscapeDataString(id)}", clock.Elapsed, () => clock.Elapsed));
        }

        return answers;
    }
}
