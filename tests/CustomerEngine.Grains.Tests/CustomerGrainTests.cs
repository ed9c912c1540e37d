using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Storage.Events;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests;

public sealed class CustomerGrainTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.UtcNow.AddDays(-30);

    [Fact]
    public async Task Events_appended_but_never_delivered_are_applied_when_the_customer_is_next_activated()
    {
        var first = await EngineHost.StartAsync();
        await first.AcceptAsync(Purchase("c1", Day));
        await first.DisposeAsync();
        // As if the process died between the append and the delivery:
        await using (var crashed = await EngineHost.StartAsync(first.DatabasePath))
        {
            await AppendOnlyAsync(crashed.Store, Purchase("c1", Day.AddDays(1)));
        }

        await using var restarted = await EngineHost.StartAsync(first.DatabasePath);
        var view = await restarted.Grains.GetGrain<ICustomerGrain>("c1").GetViewAsync();

        Assert.Equal(2, view!.Stats.Purchases);
        restarted.DeleteDatabase();
    }

    [Fact]
    public async Task Events_read_on_activation_and_then_delivered_are_counted_once()
    {
        await using var engine = await EngineHost.StartAsync();
        var first = Purchase("c2", Day);
        var second = Purchase("c2", Day.AddDays(2));
        var sequences = await AppendOnlyAsync(engine.Store, first, second);

        var grain = engine.Grains.GetGrain<ICustomerGrain>("c2");
        await grain.ApplyAsync([new SequencedEvent(sequences[0], first), new SequencedEvent(sequences[1], second)]);
        var view = await grain.GetViewAsync();

        Assert.Equal(2, view!.Stats.Purchases);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task Events_of_a_merged_visitor_are_forwarded_to_the_customer_who_claimed_it()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.AcceptAsync(AnonymousEntered("cookie-9", Day), Identified("c3", "cookie-9", Day.AddMinutes(5)));

        await engine.AcceptAsync(AnonymousEntered("cookie-9", Day.AddDays(1)));
        var report = await engine.Grains.GetGrain<ICustomerGrain>("anon:cookie-9").ApplyAsync([]);
        var view = await engine.Grains.GetGrain<ICustomerGrain>("c3").GetViewAsync();

        Assert.Equal("c3", report.ForwardedTo);
        Assert.Equal(2, view!.Stats.Visits);
        Assert.Null(await engine.Grains.GetGrain<ICustomerGrain>("anon:cookie-9").GetViewAsync());
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task An_event_stored_by_an_attempt_whose_answer_was_lost_is_applied_when_it_is_sent_again()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.AcceptAsync(Purchase("c4", Day));
        var resent = Purchase("c4", Day.AddDays(1));
        // Stored, but the store failed before the events reached the grain:
        await AppendOnlyAsync(engine.Store, resent);

        var result = await engine.AcceptAsync(resent);
        var view = await engine.Grains.GetGrain<ICustomerGrain>("c4").GetViewAsync();

        Assert.Equal(new PipelineResult(0, 1), result with { Outcomes = [] });
        Assert.Equal(2, view!.Stats.Purchases);
        engine.DeleteDatabase();
    }

    private static async Task<long[]> AppendOnlyAsync(IEventLog log, params CustomerEvent[] events)
    {
        var outcomes = await log.AppendAsync([.. events.Select(e => new EventToAppend(e.EventId, e.StreamKey, e.Type, e.OccurredAt, CustomerEventJson.Serialize(e)))]);
        return [.. outcomes.Select(o => o.Sequence!.Value)];
    }
}
