using CustomerEngine.Grains.Customers;
using CustomerEngine.Storage;
using CustomerEngine.Storage.Erasure;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests;

public sealed class MergedVisitorErasureTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.UtcNow.AddDays(-3);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_visitor_event_stored_just_after_its_customer_was_erased_starts_a_new_visitor_and_never_reaches_the_erased_customer()
    {
        await using var engine = await EngineHost.StartAsync(runtime: grains =>
        {
            grains.Services.AddSingleton<HeldApplies>();
            grains.AddCallFilter<HeldApplyFilter>();
            grains.Services.AddSingleton(provider => new GatedErasure(provider.GetRequiredService<IEngineStore>()));
            grains.Services.AddSingleton<ICustomerErasure>(provider => provider.GetRequiredService<GatedErasure>());
        });
        var applies = engine.Services.GetRequiredService<HeldApplies>();
        applies.Release();
        var erasure = engine.Services.GetRequiredService<GatedErasure>();
        var anonymousId = $"cookie-{Guid.NewGuid():N}";
        var visitorKey = $"anon:{anonymousId}";
        var earlier = AnonymousEntered(anonymousId, Day);
        await engine.AcceptAsync(earlier);
        await engine.AcceptAsync(Purchase("e1", Day.AddHours(1)), Identified("e1", anonymousId, Day.AddHours(2)));
        await engine.DeliveredAsync();
        var customer = engine.Grains.GetGrain<ICustomerGrain>("e1");
        var merged = await customer.GetViewAsync();

        // The visitor's activation still says it was merged into e1 while the next event arrives.
        var erasing = customer.EraseAsync("test");
        await erasure.Committed.WaitAsync(Patience);
        var visitorAppliesBefore = applies.AppliedTo.Count(key => key == visitorKey);
        var later = AnonymousEntered(anonymousId, Day.AddHours(3));
        var accepting = engine.AcceptAsync(later);
        await Eventually.HoldsAsync(() => applies.AppliedTo.Count(key => key == visitorKey) > visitorAppliesBefore, "the visitor's activation received the event stored after the erasure", Patience);

        erasure.Proceed();
        var record = await erasing.WaitAsync(Patience);
        await accepting.WaitAsync(Patience);
        await engine.DeliveredAsync().WaitAsync(Patience);
        var erased = await customer.GetViewAsync();
        var visitor = await engine.Grains.GetGrain<ICustomerGrain>(visitorKey).GetViewAsync();

        Assert.Contains(earlier.EventId, merged!.Recent.Select(r => r.EventId));
        Assert.NotNull(record);
        Assert.Null(erased);
        Assert.Equal([later.EventId], visitor!.Recent.Select(r => r.EventId));
        Assert.Equal([later.EventId], (await engine.Store.ReadStreamsAsync([visitorKey], 0)).Select(e => e.EventId));
        Assert.Empty(await engine.Store.ReadStreamsAsync(["e1"], 0));
        engine.DeleteDatabase();
    }
}
