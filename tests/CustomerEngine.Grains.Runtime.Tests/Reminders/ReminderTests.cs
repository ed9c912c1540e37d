using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Tests.Reminders;

public sealed class ReminderTests
{
    private static readonly string GrainType = typeof(IReminderGrain).FullName!;

    private static Task PollOnceAsync(GrainRuntimeHarness harness) =>
        harness.Runtime.ReminderPoller!.PollAsync(waitForDeliveries: true, CancellationToken.None).WithTimeout();

    [Fact]
    public async Task Due_reminder_is_delivered_as_a_call_and_moved_to_its_next_period_skipping_missed_ticks()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var deliveries = harness.Get<ReminderProbe>().Deliveries.Reader;
        var start = harness.Clock.GetUtcNow();
        await harness.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("report", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        harness.Clock.Advance(TimeSpan.FromSeconds(9));
        await PollOnceAsync(harness);
        Assert.False(deliveries.TryRead(out _));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await PollOnceAsync(harness);
        Assert.True(deliveries.TryRead(out var first));
        Assert.Equal(new ReminderDelivery("k", "report", start.AddSeconds(10)), first);
        Assert.Equal(start.AddSeconds(70), (await harness.Reminders.ReadForGrainAsync(GrainType, "k")).Single().DueAt);

        // Five periods pass unobserved: one delivery, then the schedule resumes after now.
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await PollOnceAsync(harness);
        Assert.True(deliveries.TryRead(out var second));
        Assert.Equal(start.AddSeconds(70), second.DueAt);
        Assert.False(deliveries.TryRead(out _));
        Assert.Equal(start.AddSeconds(370), (await harness.Reminders.ReadForGrainAsync(GrainType, "k")).Single().DueAt);
    }

    [Fact]
    public async Task Reminder_survives_a_runtime_restart_over_the_same_table()
    {
        var table = new InMemoryReminderTable();
        var clock = new ManualTimeProvider();
        void ShareTable(IServiceCollection services) => services.AddSingleton<IReminderTable>(table);
        await using (var before = GrainRuntimeHarness.Create(services: ShareTable, clock: clock))
        {
            await before.Runtime.StartAsync(CancellationToken.None);
            await before.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("wake", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
            await before.Runtime.StopAsync(CancellationToken.None);
        }

        await using var after = GrainRuntimeHarness.Create(services: ShareTable, clock: clock);
        await after.Runtime.StartAsync(CancellationToken.None);
        Assert.Equal(0, after.Runtime.ActivationCount);
        clock.Advance(TimeSpan.FromSeconds(10));

        var delivery = await after.Get<ReminderProbe>().Deliveries.Reader.ReadAsync().AsTask().WithTimeout();
        Assert.Equal("k", delivery.Key);
        Assert.Equal("wake", delivery.Name);
    }

    [Fact]
    public async Task Two_runtimes_that_both_read_a_firing_as_due_deliver_it_once()
    {
        var table = new InMemoryReminderTable();
        var bothRead = new ReadRendezvous(parties: 2);
        var clock = new ManualTimeProvider();
        void ShareTable(IServiceCollection services) => services.AddSingleton<IReminderTable>(new RendezvousReminderTable(table, bothRead));
        await using var first = GrainRuntimeHarness.Create(services: ShareTable, clock: clock);
        await using var second = GrainRuntimeHarness.Create(services: ShareTable, clock: clock);
        await first.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("report", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        for (var firing = 0; firing < 3; firing++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(PollOnceAsync(first), PollOnceAsync(second));
            Assert.Equal(1, Drain(first) + Drain(second));
        }
    }

    [Fact]
    public async Task A_firing_claimed_by_a_runtime_that_died_is_delivered_once_its_lease_ends()
    {
        await using var harness = GrainRuntimeHarness.Create();
        await harness.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("report", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        var due = (await harness.Reminders.ReadDueAsync(harness.Clock.GetUtcNow(), 10)).Single();
        var lease = harness.Runtime.Options.ReminderClaimLease;

        // Claimed as another node would before delivering, and never moved on.
        Assert.True(await harness.Reminders.TryClaimAsync(due, harness.Clock.GetUtcNow() + lease));
        await PollOnceAsync(harness);
        Assert.Equal(0, Drain(harness));

        harness.Clock.Advance(lease);
        await PollOnceAsync(harness);
        Assert.Equal(1, Drain(harness));
    }

    [Fact]
    public async Task A_runtime_leaves_the_reminders_its_claim_filter_keeps_for_another_node_to_that_node()
    {
        var table = new InMemoryReminderTable();
        var clock = new ManualTimeProvider();
        static Action<IServiceCollection> Node(InMemoryReminderTable table, string node) => services => services
            .AddSingleton<IReminderTable>(table)
            .AddSingleton<IReminderClaimFilter>(new SuffixClaimFilter(node));
        await using var a = GrainRuntimeHarness.Create(services: Node(table, "a"), clock: clock);
        await using var b = GrainRuntimeHarness.Create(services: Node(table, "b"), clock: clock);
        await a.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("sweep@a", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        await a.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync("sweep@b", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        for (var firing = 0; firing < 3; firing++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));

            // b polls first every time: it must still leave a's firing alone.
            await PollOnceAsync(b);
            await PollOnceAsync(a);
            Assert.Equal(["sweep@a"], DrainNames(a));
            Assert.Equal(["sweep@b"], DrainNames(b));
        }
    }

    private static List<string> DrainNames(GrainRuntimeHarness harness)
    {
        var names = new List<string>();
        while (harness.Get<ReminderProbe>().Deliveries.Reader.TryRead(out var delivery))
        {
            names.Add(delivery.Name);
        }

        return names;
    }

    private sealed class SuffixClaimFilter(string node) : IReminderClaimFilter
    {
        public bool MayClaim(ReminderEntry entry) => entry.Name.EndsWith("@" + node, StringComparison.Ordinal);
    }

    private static int Drain(GrainRuntimeHarness harness)
    {
        var count = 0;
        while (harness.Get<ReminderProbe>().Deliveries.Reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Unregistered_reminder_is_removed_from_the_table_and_not_delivered()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<IReminderGrain>("k");
        await grain.ScheduleAsync("report", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        await grain.CancelAsync("report");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await PollOnceAsync(harness);

        Assert.Empty(await harness.Reminders.ReadForGrainAsync(GrainType, "k"));
        Assert.False(harness.Get<ReminderProbe>().Deliveries.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Reminder_unregistered_by_the_grain_while_being_delivered_stays_unregistered()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var name = ReminderGrain.OneShotPrefix + "welcome";
        await harness.Grains.GetGrain<IReminderGrain>("k").ScheduleAsync(name, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await PollOnceAsync(harness);

        Assert.True(harness.Get<ReminderProbe>().Deliveries.Reader.TryRead(out _));
        Assert.Empty(await harness.Reminders.ReadForGrainAsync(GrainType, "k"));
    }

    [Fact]
    public async Task Registering_again_replaces_the_reminders_schedule()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var start = harness.Clock.GetUtcNow();
        var grain = harness.Grains.GetGrain<IReminderGrain>("k");
        await grain.ScheduleAsync("report", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        await grain.ScheduleAsync("report", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        var entry = Assert.Single(await harness.Reminders.ReadForGrainAsync(GrainType, "k"));
        Assert.Equal(start.AddHours(1), entry.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), entry.Period);
    }
}
