using CustomerEngine.Grains.Runtime.Reminders;
using static CustomerEngine.Storage.Conformance.Events.SampleEvents;

namespace CustomerEngine.Storage.Conformance.Reminders;

/// <summary>What every <see cref="IReminderTable"/> must do.</summary>
public abstract class ReminderTableConformance : EngineStoreConformanceBase
{
    private const string Maintenance = "IEngineMaintenanceGrain";

    [Fact]
    public async Task Upserted_reminder_is_read_back_for_its_grain()
    {
        var sweep = new ReminderEntry(Maintenance, "engine", "lifecycle-sweep", Origin, TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(250));

        await Store.UpsertAsync(sweep);

        Assert.Equal([sweep], await Store.ReadForGrainAsync(Maintenance, "engine"));
    }

    [Fact]
    public async Task Upsert_replaces_the_due_time_and_period_of_the_same_reminder()
    {
        await Store.UpsertAsync(new ReminderEntry(Maintenance, "engine", "value-ranking", Origin, TimeSpan.FromMinutes(15)));
        var moved = new ReminderEntry(Maintenance, "engine", "value-ranking", Origin.AddMinutes(15), TimeSpan.FromHours(1));

        await Store.UpsertAsync(moved);

        Assert.Equal([moved], await Store.ReadForGrainAsync(Maintenance, "engine"));
    }

    [Fact]
    public async Task Reminders_of_a_grain_are_all_of_its_reminders_and_no_other_grains()
    {
        var sweep = new ReminderEntry(Maintenance, "engine", "lifecycle-sweep", Origin, TimeSpan.FromMinutes(1));
        var ranking = new ReminderEntry(Maintenance, "engine", "value-ranking", Origin.AddMinutes(3), TimeSpan.FromMinutes(15));
        await Store.UpsertAsync(sweep);
        await Store.UpsertAsync(ranking);
        await Store.UpsertAsync(sweep with { Key = "engine-2" });
        await Store.UpsertAsync(sweep with { GrainType = "ICustomerGrain" });

        var reminders = await Store.ReadForGrainAsync(Maintenance, "engine");

        Assert.Equal([sweep, ranking], reminders.OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Remove_deletes_only_that_reminder()
    {
        var sweep = new ReminderEntry(Maintenance, "engine", "lifecycle-sweep", Origin, TimeSpan.FromMinutes(1));
        var ranking = sweep with { Name = "value-ranking" };
        await Store.UpsertAsync(sweep);
        await Store.UpsertAsync(ranking);

        await Store.RemoveAsync(Maintenance, "engine", "lifecycle-sweep");

        Assert.Equal([ranking], await Store.ReadForGrainAsync(Maintenance, "engine"));
        Assert.Equal([ranking], await ReminderTable.ReadDueAsync(Origin, 10));
    }

    [Fact]
    public async Task Removing_a_reminder_that_does_not_exist_is_not_an_error()
    {
        await Store.RemoveAsync(Maintenance, "engine", "never-registered");

        Assert.Empty(await Store.ReadForGrainAsync(Maintenance, "engine"));
    }

    [Fact]
    public async Task Due_reminders_are_those_due_at_or_before_until_earliest_first()
    {
        var until = Origin;
        var late = new ReminderEntry(Maintenance, "engine", "late", until.AddMinutes(-5), TimeSpan.FromMinutes(1));
        var onTime = new ReminderEntry("ICustomerGrain", "c-1", "follow-up", until, TimeSpan.FromDays(1));
        var earliest = new ReminderEntry("IStorePresenceGrain", "store-1", "expire", until.AddHours(-2), TimeSpan.FromHours(2));
        var future = new ReminderEntry(Maintenance, "engine", "future", until.AddMilliseconds(1), TimeSpan.FromMinutes(1));
        foreach (var entry in new[] { late, future, onTime, earliest })
        {
            await Store.UpsertAsync(entry);
        }

        var due = await ReminderTable.ReadDueAsync(until, limit: 10);

        Assert.Equal([earliest, late, onTime], due);
    }

    [Fact]
    public async Task Due_reminders_are_limited_to_the_earliest()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.UpsertAsync(new ReminderEntry("ICustomerGrain", $"c-{i}", "follow-up", Origin.AddSeconds(-i), TimeSpan.FromDays(1)));
        }

        var due = await ReminderTable.ReadDueAsync(Origin, limit: 2);

        Assert.Equal(["c-5", "c-4"], due.Select(r => r.Key));
    }

    [Fact]
    public async Task A_claim_moves_a_reminder_still_stored_as_read_and_refuses_one_that_changed()
    {
        var sweep = new ReminderEntry(Maintenance, "engine", "lifecycle-sweep", Origin, TimeSpan.FromMinutes(1));
        await Store.UpsertAsync(sweep);
        var read = (await ReminderTable.ReadDueAsync(Origin, 10)).Single();

        Assert.True(await ReminderTable.TryClaimAsync(read, Origin.AddMinutes(5)));
        Assert.False(await ReminderTable.TryClaimAsync(read, Origin.AddMinutes(6)));
        Assert.False(await ReminderTable.TryClaimAsync(read with { Key = "elsewhere" }, Origin.AddMinutes(6)));

        Assert.Equal([sweep with { DueAt = Origin.AddMinutes(5) }], await Store.ReadForGrainAsync(Maintenance, "engine"));
        Assert.Empty(await ReminderTable.ReadDueAsync(Origin.AddMinutes(4), 10));
    }

    [Fact]
    public async Task Of_many_concurrent_claims_on_one_firing_exactly_one_wins()
    {
        var sweep = new ReminderEntry(Maintenance, "engine", "lifecycle-sweep", Origin, TimeSpan.FromMinutes(1));
        await Store.UpsertAsync(sweep);
        var read = (await ReminderTable.ReadDueAsync(Origin, 10)).Single();

        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => ReminderTable.TryClaimAsync(read, Origin.AddMinutes(i)))));

        var winner = Assert.Single(claims.Select((won, i) => (won, i)), claim => claim.won);
        Assert.Equal(Origin.AddMinutes(winner.i + 1), (await Store.ReadForGrainAsync(Maintenance, "engine")).Single().DueAt);
    }
}
