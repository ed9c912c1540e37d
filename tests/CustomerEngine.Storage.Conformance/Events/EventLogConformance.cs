using CustomerEngine.Storage.Events;
using static CustomerEngine.Storage.Conformance.Events.SampleEvents;

namespace CustomerEngine.Storage.Conformance.Events;

/// <summary>What every <see cref="IEventLog"/> must do.</summary>
public abstract class EventLogConformance : EngineStoreConformanceBase
{
    [Fact]
    public async Task Append_assigns_increasing_sequences_in_input_order()
    {
        var outcomes = await Store.AppendAsync([Event("e1", "s1"), Event("e2", "s2"), Event("e3", "s1")]);

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.False(outcome.IsDuplicate));
        Assert.True(outcomes[0].Sequence < outcomes[1].Sequence);
        Assert.True(outcomes[1].Sequence < outcomes[2].Sequence);
    }

    [Fact]
    public async Task Later_append_gets_higher_sequences()
    {
        var first = await Store.AppendAsync([Event("e1", "s1"), Event("e2", "s1")]);
        var second = await Store.AppendAsync([Event("e3", "s2")]);

        Assert.True(second[0].Sequence > first.Max(outcome => outcome.Sequence));
    }

    [Fact]
    public async Task Event_id_already_stored_is_a_duplicate_and_not_stored_again()
    {
        var first = await Store.AppendAsync([Event("e1", "s1")]);

        var second = await Store.AppendAsync([Event("e1", "s1", payloadNote: "redelivered"), Event("e2", "s1")]);

        Assert.True(second[0].IsDuplicate);
        Assert.False(second[1].IsDuplicate);
        Assert.Equal(2, await Store.CountAsync());
        var stored = await Store.ReadStreamsAsync(["s1"], 0);
        Assert.Equal(["e1", "e2"], stored.Select(e => e.EventId));
        Assert.Equal(first[0].Sequence, stored[0].Sequence);
        Assert.Equal(Payload("e1"), stored[0].Payload);
    }

    [Fact]
    public async Task Duplicate_event_id_within_one_batch_is_stored_once()
    {
        var outcomes = await Store.AppendAsync([Event("e1", "s1"), Event("e2", "s1"), Event("e1", "s1", payloadNote: "again")]);

        Assert.False(outcomes[0].IsDuplicate);
        Assert.False(outcomes[1].IsDuplicate);
        Assert.True(outcomes[2].IsDuplicate);
        Assert.Null(outcomes[2].Sequence);
        Assert.Equal(2, await Store.CountAsync());
        var stored = await Store.ReadStreamsAsync(["s1"], 0);
        Assert.Equal(["e1", "e2"], stored.Select(e => e.EventId));
        Assert.Equal(Payload("e1"), stored[0].Payload);
    }

    [Fact]
    public async Task Event_id_is_unique_across_streams()
    {
        await Store.AppendAsync([Event("e1", "s1")]);

        var outcomes = await Store.AppendAsync([Event("e1", "s2")]);

        Assert.True(outcomes[0].IsDuplicate);
        Assert.Empty(await Store.ReadStreamsAsync(["s2"], 0));
    }

    [Fact]
    public async Task Read_merges_the_requested_streams_in_sequence_order()
    {
        await Store.AppendAsync([Event("a1", "customer"), Event("b1", "anon:1"), Event("c1", "other")]);
        await Store.AppendAsync([Event("b2", "anon:1"), Event("c2", "other"), Event("a2", "customer")]);
        await Store.AppendAsync([Event("b3", "anon:2")]);

        var stored = await Store.ReadStreamsAsync(["customer", "anon:1", "anon:2"], 0);

        Assert.Equal(["a1", "b1", "b2", "a2", "b3"], stored.Select(e => e.EventId));
        Assert.Equal(stored.OrderBy(e => e.Sequence).Select(e => e.Sequence), stored.Select(e => e.Sequence));
        Assert.Equal(stored.Count, stored.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Read_after_a_sequence_returns_only_later_events()
    {
        var outcomes = await Store.AppendAsync([Event("e1", "s1"), Event("e2", "s1"), Event("e3", "s1"), Event("x1", "s2")]);

        var stored = await Store.ReadStreamsAsync(["s1"], outcomes[1].Sequence!.Value);

        Assert.Equal(["e3"], stored.Select(e => e.EventId));
        Assert.Empty(await Store.ReadStreamsAsync(["s1"], outcomes[2].Sequence!.Value));
    }

    [Fact]
    public async Task Read_of_unknown_streams_or_no_streams_is_empty()
    {
        await Store.AppendAsync([Event("e1", "s1")]);

        Assert.Empty(await Store.ReadStreamsAsync(["nobody"], 0));
        Assert.Empty(await Store.ReadStreamsAsync([], 0));
    }

    [Fact]
    public async Task Stored_event_keeps_id_stream_type_time_and_payload()
    {
        var appended = Event("e1", "customer-7", type: "customer.identified", occurredAt: Origin.AddDays(-3));

        var outcomes = await Store.AppendAsync([appended]);

        var stored = Assert.Single(await Store.ReadStreamsAsync(["customer-7"], 0));
        Assert.Equal(outcomes[0].Sequence, stored.Sequence);
        Assert.Equal("e1", stored.EventId);
        Assert.Equal("customer-7", stored.StreamKey);
        Assert.Equal("customer.identified", stored.Type);
        Assert.Equal(appended.OccurredAt, stored.OccurredAt);
        Assert.Equal(appended.Payload, stored.Payload);
    }

    [Theory]
    [InlineData(330)]
    [InlineData(-480)]
    [InlineData(0)]
    [InlineData(765)]
    public async Task OccurredAt_round_trips_with_its_offset(int offsetMinutes)
    {
        var occurredAt = new DateTimeOffset(2024, 12, 31, 23, 59, 58, 987, TimeSpan.FromMinutes(offsetMinutes));

        await Store.AppendAsync([Event("e1", "s1", occurredAt: occurredAt)]);

        var stored = Assert.Single(await Store.ReadStreamsAsync(["s1"], 0));
        Assert.Equal(occurredAt.UtcTicks, stored.OccurredAt.UtcTicks);
        Assert.Equal(occurredAt.Offset, stored.OccurredAt.Offset);
    }

    [Fact]
    public async Task Count_is_the_number_of_stored_events()
    {
        Assert.Equal(0, await Store.CountAsync());

        await Store.AppendAsync([Event("e1", "s1"), Event("e2", "s2")]);
        await Store.AppendAsync([Event("e2", "s2"), Event("e3", "s3")]);

        Assert.Equal(3, await Store.CountAsync());
    }

    [Fact]
    public async Task Stream_stats_count_the_events_of_the_streams_and_give_their_highest_sequence()
    {
        var outcomes = await Store.AppendAsync([Event("a1", "customer"), Event("b1", "anon:1"), Event("c1", "other"), Event("a2", "customer")]);
        await Store.AppendAsync([Event("c2", "other")]);

        var stats = await Store.ReadStreamStatsAsync(["customer", "anon:1"]);

        Assert.Equal(new StreamStats(3, outcomes[3].Sequence!.Value), stats);
    }

    [Fact]
    public async Task Stream_stats_of_streams_without_events_are_zero()
    {
        await Store.AppendAsync([Event("e1", "s1")]);

        Assert.Equal(new StreamStats(0, 0), await Store.ReadStreamStatsAsync(["nobody"]));
        Assert.Equal(new StreamStats(0, 0), await Store.ReadStreamStatsAsync([]));
    }

    [Fact]
    public async Task Empty_append_returns_no_outcomes()
    {
        var outcomes = await Store.AppendAsync([]);

        Assert.Empty(outcomes);
        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task Append_with_a_cancelled_token_stores_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAsync([Event("e1", "s1")], cancelled.Token));

        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task Concurrent_appends_from_many_tasks_all_land_once_with_unique_increasing_sequences()
    {
        const int Writers = 16;
        const int BatchesPerWriter = 8;
        const int EventsPerBatch = 5;

        var sequencesByWriter = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var sequences = new List<long?>();
            for (var batch = 0; batch < BatchesPerWriter; batch++)
            {
                var events = Enumerable.Range(0, EventsPerBatch)
                    .Select(i => Event($"w{writer}-b{batch}-e{i}", $"stream-{(writer + i) % 7}"))
                    .ToList();
                var outcomes = await Store.AppendAsync(events);
                sequences.AddRange(outcomes.Select(outcome => outcome.Sequence));
            }

            return sequences;
        })));

        const int Total = Writers * BatchesPerWriter * EventsPerBatch;
        var all = sequencesByWriter.SelectMany(sequences => sequences).ToList();
        Assert.Equal(Total, all.Count);
        Assert.DoesNotContain(null, all);
        Assert.Equal(Total, all.Distinct().Count());

        // Each writer awaited every append before the next, so its sequences only grow.
        Assert.All(sequencesByWriter, sequences => Assert.Equal(sequences.Order(), sequences));

        Assert.Equal(Total, await Store.CountAsync());
        var stored = await Store.ReadStreamsAsync([.. Enumerable.Range(0, 7).Select(i => $"stream-{i}")], 0);
        Assert.Equal(Total, stored.Count);
        Assert.Equal(all.Order(), stored.Select(e => (long?)e.Sequence));
        Assert.Equal(Total, stored.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Racing_appends_of_the_same_events_store_each_event_once()
    {
        const int Writers = 8;
        var events = Enumerable.Range(0, 40).Select(i => Event($"e{i}", $"stream-{i % 4}")).ToList();

        // Each writer sends the same events starting at a different point, like producers retrying.
        var outcomesByWriter = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var rotated = events.Skip(writer * 5).Concat(events.Take(writer * 5)).ToList();
            var outcomes = await Store.AppendAsync(rotated);
            return rotated.Zip(outcomes, (e, outcome) => (e.EventId, outcome.Sequence)).ToList();
        })));

        var stored = outcomesByWriter.SelectMany(outcomes => outcomes).Where(outcome => outcome.Sequence is not null).ToList();
        Assert.Equal(events.Select(e => e.EventId).Order(), stored.Select(outcome => outcome.EventId).Order());
        Assert.Equal(events.Count, stored.Select(outcome => outcome.Sequence).Distinct().Count());
        Assert.Equal(events.Count, await Store.CountAsync());
    }

    [Fact]
    public async Task Scan_returns_only_events_of_the_type_in_sequence_order_across_streams()
    {
        await Store.AppendAsync([Event("p1", "s1"), Event("v1", "s2", type: "product.viewed"), Event("p2", "s2")]);
        await Store.AppendAsync([Event("f1", "s1", type: "feedback"), Event("p3", "s3")]);

        var purchases = await Store.ScanAsync("purchase", 0, 100);

        Assert.Equal(["p1", "p2", "p3"], purchases.Select(e => e.EventId));
        Assert.All(purchases, e => Assert.Equal("purchase", e.Type));
        Assert.Equal(purchases.OrderBy(e => e.Sequence).Select(e => e.Sequence), purchases.Select(e => e.Sequence));
        Assert.Equal(["v1"], (await Store.ScanAsync("product.viewed", 0, 100)).Select(e => e.EventId));
        Assert.Empty(await Store.ScanAsync("return", 0, 100));
    }

    [Fact]
    public async Task Scan_pages_through_the_log_after_the_last_sequence_returned()
    {
        var appended = Enumerable.Range(0, 25)
            .Select(i => Event($"e{i}", $"s{i % 3}", type: i % 4 == 3 ? "feedback" : "purchase"))
            .ToList();
        await Store.AppendAsync(appended);

        var pages = new List<IReadOnlyList<StoredEvent>>();
        var after = 0L;
        while (true)
        {
            var page = await Store.ScanAsync("purchase", after, 5);
            pages.Add(page);
            if (page.Count < 5)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        var expected = appended.Where(e => e.Type == "purchase").Select(e => e.EventId).ToList();
        Assert.Equal(expected, pages.SelectMany(page => page).Select(e => e.EventId));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(5, page.Count));
        Assert.True(pages[^1].Count < 5);
    }

    [Fact]
    public async Task Scan_keeps_every_stored_field_and_skips_duplicates()
    {
        var appended = Event("p1", "customer-7", occurredAt: Origin.AddDays(-2));
        var outcomes = await Store.AppendAsync([appended]);
        await Store.AppendAsync([Event("p1", "customer-7", payloadNote: "redelivered")]);

        var stored = Assert.Single(await Store.ScanAsync("purchase", 0, 10));

        Assert.Equal(outcomes[0].Sequence, stored.Sequence);
        Assert.Equal("customer-7", stored.StreamKey);
        Assert.Equal(appended.OccurredAt, stored.OccurredAt);
        Assert.Equal(appended.Payload, stored.Payload);
        Assert.Empty(await Store.ScanAsync("purchase", stored.Sequence, 10));
    }

    [Fact]
    public async Task Scan_rejects_a_limit_below_one()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ScanAsync("purchase", 0, 0));
    }

    [Fact]
    public async Task Scan_racing_with_appends_misses_no_event()
    {
        // A reader that resumes after the last sequence it saw must never step over an event
        // committed later with a lower sequence: backfills of engine-wide models rely on it.
        const int Writers = 8;
        const int BatchesPerWriter = 10;
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < BatchesPerWriter; batch++)
            {
                await Store.AppendAsync([Event($"w{writer}-b{batch}-p", $"s{writer}"), Event($"w{writer}-b{batch}-v", $"s{writer}", type: "product.viewed")]);
            }
        })));

        var scanned = new List<StoredEvent>();
        var after = 0L;
        while (true)
        {
            var done = writing.IsCompleted;
            var page = await Store.ScanAsync("purchase", after, 7);
            scanned.AddRange(page);
            after = page.Count > 0 ? page[^1].Sequence : after;
            if (done && page.Count < 7)
            {
                break;
            }
        }

        await writing;
        Assert.Equal(Writers * BatchesPerWriter, scanned.Count);
        Assert.Equal(scanned.Count, scanned.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(scanned.OrderBy(e => e.Sequence).Select(e => e.Sequence), scanned.Select(e => e.Sequence));
    }
}
