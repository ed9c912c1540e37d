using System.Text;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using static CustomerEngine.Storage.Conformance.Customers.SampleCustomers;
using static CustomerEngine.Storage.Conformance.Events.SampleEvents;

namespace CustomerEngine.Storage.Conformance.Erasure;

/// <summary>What every <see cref="ICustomerErasure"/> must do.</summary>
public abstract class CustomerErasureConformance : EngineStoreConformanceBase
{
    private const string CustomerGrain = "ICustomerGrain";
    private const string OtherGrain = "IOtherGrain";
    private static readonly CustomerQuery Everyone = new(null, null, null, null, 1, 100);

    [Fact]
    public async Task Erasure_deletes_the_events_index_entries_state_and_reminders_of_the_customers_streams_and_nothing_else()
    {
        await SeedAsync("c-1", "anon:a-1");
        await SeedAsync("c-2");
        await Store.WriteAsync(new GrainStateId(OtherGrain, "c-1", "state"), Data("not the customer's"), 0);

        var record = await Store.EraseCustomerAsync(Request("erasure-1", "c-1", "anon:a-1"));

        Assert.Equal(("erasure-1", 2, 4L, 2, 2, 2), (record.ErasureId, record.StreamsErased, record.EventsErased, record.StatesErased, record.IndexEntriesErased, record.RemindersErased));
        Assert.Empty(await Store.ReadStreamsAsync(["c-1", "anon:a-1"], 0));
        Assert.Null(await Store.ReadAsync(new GrainStateId(CustomerGrain, "c-1", "customer")));
        Assert.Null(await Store.ReadAsync(new GrainStateId(CustomerGrain, "anon:a-1", "customer")));
        Assert.Empty(await Store.ReadForGrainAsync(CustomerGrain, "c-1"));
        Assert.Empty(await Store.ReadForGrainAsync(CustomerGrain, "anon:a-1"));

        // The other customer, and a grain type the request did not name, are untouched.
        Assert.Equal(["c-2/1", "c-2/2"], (await Store.ReadStreamsAsync(["c-2"], 0)).Select(e => e.EventId));
        Assert.Equal(["c-2"], (await CustomerIndex.QueryAsync(Everyone)).Items.Select(c => c.CustomerId));
        Assert.NotNull(await Store.ReadAsync(new GrainStateId(CustomerGrain, "c-2", "customer")));
        Assert.Single(await Store.ReadForGrainAsync(CustomerGrain, "c-2"));
        Assert.NotNull(await Store.ReadAsync(new GrainStateId(OtherGrain, "c-1", "state")));
        Assert.Equal(2, await Store.CountAsync());
    }

    [Fact]
    public async Task Erased_event_ids_are_new_again_and_later_events_of_the_stream_are_kept()
    {
        await SeedAsync("c-1");
        var record = await Store.EraseCustomerAsync(Request("erasure-1", "c-1"));

        var resent = await Store.AppendAsync([Event("c-1/1", "c-1")]);

        Assert.False(resent[0].IsDuplicate);
        Assert.True(resent[0].Sequence > record.LogPosition);
        Assert.Equal(["c-1/1"], (await Store.ReadStreamsAsync(["c-1"], 0)).Select(e => e.EventId));
        Assert.Equal(new StreamStats(1, resent[0].Sequence!.Value), await Store.ReadStreamStatsAsync(["c-1"]));
    }

    [Fact]
    public async Task Log_position_is_the_highest_sequence_before_the_erasure_even_when_the_erased_events_were_the_newest()
    {
        await Store.AppendAsync([Event("other", "c-2")]);
        var erased = await Store.AppendAsync([Event("c-1/1", "c-1"), Event("c-1/2", "c-1")]);

        var record = await Store.EraseCustomerAsync(Request("erasure-1", "c-1"));

        Assert.Equal(erased[1].Sequence, record.LogPosition);
    }

    [Fact]
    public async Task A_grain_writing_its_old_version_after_the_erasure_is_refused()
    {
        var id = new GrainStateId(CustomerGrain, "c-1", "customer");
        var version = await Store.WriteAsync(id, Data("before"), 0);
        await Store.EraseCustomerAsync(Request("erasure-1", "c-1"));

        await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteAsync(id, Data("written back"), version));

        Assert.Null(await Store.ReadAsync(id));
    }

    [Fact]
    public async Task Erasure_records_are_read_back_newest_first_and_found_by_subject_digest()
    {
        var first = await Store.EraseCustomerAsync(Request("erasure-a", "c-1") with { SubjectDigest = "digest-1", ErasedAt = Origin });
        var second = await Store.EraseCustomerAsync(Request("erasure-b", "c-2") with { SubjectDigest = null, ErasedAt = Origin.AddMinutes(1) });
        var third = await Store.EraseCustomerAsync(Request("erasure-c", "c-1") with { SubjectDigest = "digest-1", ErasedAt = Origin.AddMinutes(2), RequestedBy = "robin" });

        Assert.Equal([third, second, first], await Store.ReadErasuresAsync(null, 10));
        Assert.Equal([third], await Store.ReadErasuresAsync(null, 1));
        Assert.Equal([third, first], await Store.ReadErasuresAsync("digest-1", 10));
        Assert.Empty(await Store.ReadErasuresAsync("digest-2", 10));
        Assert.Equal(("robin", Origin.AddMinutes(2)), (third.RequestedBy, third.ErasedAt));
    }

    [Fact]
    public async Task Erasing_streams_that_hold_nothing_still_records_the_erasure()
    {
        var record = await Store.EraseCustomerAsync(Request("erasure-1", "nobody"));

        Assert.Equal((1, 0L, 0, 0, 0), (record.StreamsErased, record.EventsErased, record.StatesErased, record.IndexEntriesErased, record.RemindersErased));
        Assert.Equal([record], await Store.ReadErasuresAsync(null, 10));
    }

    [Fact]
    public async Task A_request_without_stream_keys_is_refused_and_records_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.EraseCustomerAsync(Request("erasure-1")));

        Assert.Empty(await Store.ReadErasuresAsync(null, 10));
    }

    [Fact]
    public async Task Erasure_racing_with_appends_to_the_stream_erases_exactly_the_events_up_to_its_position()
    {
        const int batches = 40;
        await Store.AppendAsync([Event("c-1/first", "c-1")]);

        var appends = Enumerable.Range(0, batches)
            .Select(i => Task.Run(() => Store.AppendAsync([Event($"c-1/{i}/a", "c-1"), Event($"c-1/{i}/b", "c-1")])))
            .ToList();
        var erasure = Task.Run(() => Store.EraseCustomerAsync(Request("erasure-1", "c-1")));
        await Task.WhenAll(appends);
        var record = await erasure;

        // Whatever the interleaving: the erasure took everything before its position and nothing after.
        var kept = await Store.ReadStreamsAsync(["c-1"], 0);
        Assert.All(kept, e => Assert.True(e.Sequence > record.LogPosition, $"event {e.EventId} at {e.Sequence} survived an erasure at {record.LogPosition}"));
        Assert.Equal(1 + (2 * batches), record.EventsErased + kept.Count);
        var appended = appends.SelectMany(a => a.Result).Select(o => o.Sequence!.Value).ToList();
        Assert.Equal(appended.Count(sequence => sequence > record.LogPosition), kept.Count);
    }

    private static CustomerErasureRequest Request(string erasureId, params string[] streamKeys) =>
        new(erasureId, Origin, "admin-key", "digest", streamKeys, [CustomerGrain]);

    // Two events, an index entry, a grain state and a reminder under each key.
    private async Task SeedAsync(params string[] keys)
    {
        foreach (var key in keys)
        {
            await Store.AppendAsync([Event($"{key}/1", key), Event($"{key}/2", key)]);
            await CustomerIndex.UpsertAsync([Active(key)]);
            await Store.WriteAsync(new GrainStateId(CustomerGrain, key, "customer"), Data($"state of {key}"), 0);
            await Store.UpsertAsync(new ReminderEntry(CustomerGrain, key, "follow-up", Origin, TimeSpan.FromDays(1)));
        }
    }

    private static byte[] Data(string text) => Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}");
}
