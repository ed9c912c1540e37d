using System.Text;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Conformance.Events;

namespace CustomerEngine.Storage.Conformance.GrainState;

/// <summary>What every <see cref="IGrainStateStore"/> must do: version-checked writes that never lose an update.</summary>
public abstract class GrainStateStoreConformance : EngineStoreConformanceBase
{
    private static readonly GrainStateId Customer = new("ICustomerGrain", "c-1", "state");

    [Fact]
    public async Task State_never_written_reads_as_null()
    {
        Assert.Null(await Store.ReadAsync(Customer));
    }

    [Fact]
    public async Task First_write_with_expected_version_zero_creates_version_one()
    {
        var version = await Store.WriteAsync(Customer, Data("first"), expectedVersion: 0);

        Assert.Equal(1, version);
        var stored = await Store.ReadAsync(Customer);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(Data("first"), stored.Data);
    }

    [Fact]
    public async Task First_write_with_a_nonzero_expected_version_conflicts()
    {
        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteAsync(Customer, Data("first"), expectedVersion: 3));

        Assert.Equal(Customer, conflict.StateId);
        Assert.Equal(3, conflict.ExpectedVersion);
        Assert.Null(conflict.ActualVersion);
        Assert.Null(await Store.ReadAsync(Customer));
    }

    [Fact]
    public async Task Each_write_increments_the_version()
    {
        var v1 = await Store.WriteAsync(Customer, Data("one"), 0);
        var v2 = await Store.WriteAsync(Customer, Data("two"), v1);
        var v3 = await Store.WriteAsync(Customer, Data("three"), v2);

        Assert.Equal([1L, 2L, 3L], [v1, v2, v3]);
        var stored = await Store.ReadAsync(Customer);
        Assert.Equal(3, stored?.Version);
        Assert.Equal(Data("three"), stored?.Data);
    }

    [Fact]
    public async Task Stale_write_throws_with_the_stored_version_and_keeps_the_stored_data()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);
        await Store.WriteAsync(Customer, Data("two"), 1);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteAsync(Customer, Data("stale"), expectedVersion: 1));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        var stored = await Store.ReadAsync(Customer);
        Assert.Equal(2, stored?.Version);
        Assert.Equal(Data("two"), stored?.Data);
    }

    [Fact]
    public async Task Write_expecting_no_record_over_an_existing_record_conflicts()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteAsync(Customer, Data("again"), expectedVersion: 0));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(Data("one"), (await Store.ReadAsync(Customer))?.Data);
    }

    [Fact]
    public async Task Write_expecting_a_version_ahead_of_the_stored_one_conflicts()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteAsync(Customer, Data("ahead"), expectedVersion: 5));

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(1, (await Store.ReadAsync(Customer))?.Version);
    }

    [Fact]
    public async Task Clear_with_the_stored_version_removes_the_state()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);
        await Store.WriteAsync(Customer, Data("two"), 1);

        await Store.ClearAsync(Customer, expectedVersion: 2);

        Assert.Null(await Store.ReadAsync(Customer));
    }

    [Fact]
    public async Task Clear_with_a_stale_version_throws_and_keeps_the_state()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);
        await Store.WriteAsync(Customer, Data("two"), 1);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.ClearAsync(Customer, expectedVersion: 1));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(Data("two"), (await Store.ReadAsync(Customer))?.Data);
    }

    [Fact]
    public async Task Clear_of_absent_state_expecting_no_record_is_not_an_error()
    {
        await Store.ClearAsync(Customer, expectedVersion: 0);

        Assert.Null(await Store.ReadAsync(Customer));
    }

    [Fact]
    public async Task Clear_of_absent_state_expecting_a_version_conflicts()
    {
        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.ClearAsync(Customer, expectedVersion: 4));

        Assert.Null(conflict.ActualVersion);
    }

    [Fact]
    public async Task Write_after_clear_starts_again_from_no_record()
    {
        await Store.WriteAsync(Customer, Data("one"), 0);
        await Store.ClearAsync(Customer, 1);

        var version = await Store.WriteAsync(Customer, Data("reborn"), 0);

        Assert.Equal(1, version);
        Assert.Equal(Data("reborn"), (await Store.ReadAsync(Customer))?.Data);
    }

    [Fact]
    public async Task States_are_told_apart_by_grain_type_key_and_state_name()
    {
        GrainStateId[] ids =
        [
            Customer,
            Customer with { GrainType = "IStorePresenceGrain" },
            Customer with { Key = "c-2" },
            Customer with { StateName = "history" },
        ];

        foreach (var id in ids)
        {
            Assert.Equal(1, await Store.WriteAsync(id, Data(id.ToString()), 0));
        }

        foreach (var id in ids)
        {
            Assert.Equal(Data(id.ToString()), (await Store.ReadAsync(id))?.Data);
        }
    }

    [Fact]
    public async Task Empty_and_large_state_round_trip()
    {
        var large = new byte[1 << 20];
        new Random(7).NextBytes(large);
        var other = Customer with { Key = "c-large" };

        await Store.WriteAsync(Customer, ReadOnlyMemory<byte>.Empty, 0);
        await Store.WriteAsync(other, large, 0);

        var empty = await Store.ReadAsync(Customer);
        Assert.NotNull(empty);
        Assert.Empty(empty.Data);
        Assert.Equal(large, (await Store.ReadAsync(other))?.Data);
    }

    [Fact]
    public async Task Write_keeps_the_bytes_passed_even_if_the_caller_reuses_its_buffer()
    {
        var buffer = Data("original");

        var write = Store.WriteAsync(Customer, buffer, 0);
        Array.Fill(buffer, (byte)'x');
        await write;

        Assert.Equal(Data("original"), (await Store.ReadAsync(Customer))?.Data);
    }

    [Fact]
    public async Task Concurrent_writers_to_one_state_have_exactly_one_winner_per_version()
    {
        const int Writers = 8;
        const int Rounds = 5;
        long stored = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            var expected = stored;
            var attempts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                var data = Data($"round {round} writer {writer}");
                try
                {
                    return (Data: data, Version: (long?)await Store.WriteAsync(Customer, data, expected), Conflict: (GrainStateConflictException?)null);
                }
                catch (GrainStateConflictException conflict)
                {
                    return (Data: data, Version: (long?)null, Conflict: conflict);
                }
            })));

            var winner = Assert.Single(attempts, attempt => attempt.Version is not null);
            Assert.Equal(expected + 1, winner.Version);
            Assert.All(attempts.Where(attempt => attempt.Version is null), loser => Assert.Equal(expected + 1, loser.Conflict?.ActualVersion));

            var record = await Store.ReadAsync(Customer);
            Assert.Equal(expected + 1, record?.Version);
            Assert.Equal(winner.Data, record?.Data);
            stored = expected + 1;
        }
    }

    [Fact]
    public async Task Stale_write_fails_alone_while_writes_issued_alongside_it_succeed()
    {
        var contested = Customer with { Key = "contested" };
        await Store.WriteAsync(contested, Data("current"), 0);

        // Issued together so that a provider that groups writes puts them in one transaction.
        var fresh = Store.WriteAsync(Customer, Data("fresh"), 0);
        var stale = Store.WriteAsync(contested, Data("stale"), 0);
        var append = Store.AppendAsync([SampleEvents.Event("e1", "c-1")]);
        var upsert = Store.UpsertAsync([SampleCustomers.Active("c-1")]);
        var reminder = Store.UpsertAsync(new ReminderEntry("ICustomerGrain", "c-1", "sweep", SampleEvents.Origin, TimeSpan.FromMinutes(1)));

        await Assert.ThrowsAsync<GrainStateConflictException>(() => stale);
        Assert.Equal(1, await fresh);
        Assert.False((await append)[0].IsDuplicate);
        await upsert;
        await reminder;

        Assert.Equal(Data("current"), (await Store.ReadAsync(contested))?.Data);
        Assert.Equal(Data("fresh"), (await Store.ReadAsync(Customer))?.Data);
        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(1, (await Store.QueryAsync(new(null, null, null, null, 1, 10))).Total);
        Assert.Single(await Store.ReadForGrainAsync("ICustomerGrain", "c-1"));
    }

    [Fact]
    public async Task A_grain_lists_the_names_of_its_stored_states_only()
    {
        var store = new GrainStateId("IStorePresenceGrain", "S1", "presence");
        await Store.WriteAsync(store with { StateName = "presence@b" }, Data("b"), 0);
        await Store.WriteAsync(store, Data("own"), 0);
        await Store.WriteAsync(store with { StateName = "presence@a" }, Data("a"), 0);
        await Store.WriteAsync(store with { Key = "S10" }, Data("other store"), 0);
        await Store.WriteAsync(store with { GrainType = "ICustomerGrain" }, Data("other grain"), 0);
        await Store.WriteAsync(store with { StateName = "cleared" }, Data("gone"), 0);
        await Store.ClearAsync(store with { StateName = "cleared" }, 1);

        Assert.Equal(["presence", "presence@a", "presence@b"], await Store.ListStateNamesAsync("IStorePresenceGrain", "S1"));
        Assert.Empty(await Store.ListStateNamesAsync("IStorePresenceGrain", "S2"));
    }

    private static byte[] Data(string text) => Encoding.UTF8.GetBytes($$"""{"value":"{{text}}"}""");
}
