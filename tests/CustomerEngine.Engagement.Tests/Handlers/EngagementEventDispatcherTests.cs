using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Engagement.Failures;
using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;

namespace CustomerEngine.Engagement.Tests.Handlers;

public sealed class EngagementEventDispatcherTests
{
    private static readonly CustomerEvents BigSpender = new CustomerEvents().Registered(T0.AddDays(-10)).Purchase(T0, "laptop", 1500m);

    [Fact]
    public void Handlers_ask_for_attributes_and_derived_events_that_the_grain_applies()
    {
        var dispatcher = new EngagementEventDispatcher([new EntrepreneurTagger()]);

        var result = dispatcher.Dispatch(BigSpender.Last, BigSpender.State(T0), T0);

        Assert.Equal([new AttributeChange("segment", "entrepreneur", "tagger")], result.AttributeChanges);
        var derived = Assert.Single(result.DerivedEvents);
        Assert.Equal(("e-2/tagger/0", "segment.entered", BigSpender.Last.OccurredAt, "e-2"), (derived.EventId, derived.Type, derived.OccurredAt, derived.SourceEventId));
        Assert.Equal("entrepreneur", derived.Data.GetProperty("segment").GetString());
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Handling_the_same_event_again_asks_for_the_same_event_ids()
    {
        var dispatcher = new EngagementEventDispatcher([new EntrepreneurTagger()]);

        var first = dispatcher.Dispatch(BigSpender.Last, BigSpender.State(T0), T0);
        var replay = dispatcher.Dispatch(BigSpender.Last, BigSpender.State(T0), T0.AddDays(30));

        Assert.Equal(first.DerivedEvents.Select(e => e.EventId), replay.DerivedEvents.Select(e => e.EventId));
    }

    [Fact]
    public void A_throwing_handler_loses_its_requests_and_the_others_keep_theirs()
    {
        var dispatcher = new EngagementEventDispatcher([new HalfDoneHandler(), new EntrepreneurTagger()]);

        var result = dispatcher.Dispatch(BigSpender.Last, BigSpender.State(T0), T0);

        Assert.Equal(["tagger"], result.AttributeChanges.Select(c => c.HandlerName));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("half-done", ExtensionKind.EventHandler), (failure.Name, failure.Kind));
    }

    [Fact]
    public void Derived_event_ids_stay_within_the_event_id_limit()
    {
        var longSource = new string('x', 120);

        var id = DerivedEventIds.For(longSource, "tagger", 0);

        Assert.True(id.Length <= DerivedEventIds.MaxLength);
        Assert.StartsWith("derived-", id, StringComparison.Ordinal);
        Assert.Equal(id, DerivedEventIds.For(longSource, "tagger", 0));
        Assert.NotEqual(id, DerivedEventIds.For(longSource, "tagger", 1));
    }

    private sealed class EntrepreneurTagger : IEngagementEventHandler
    {
        public string Name => "tagger";

        public void OnEventApplied(EngagementEventContext context)
        {
            if (context.Event.Data is Purchase { Total: >= 1000m })
            {
                context.SetAttribute("segment", "entrepreneur");
                context.Emit("segment.entered", new Dictionary<string, object?> { ["segment"] = "entrepreneur" });
            }
        }
    }

    private sealed class HalfDoneHandler : IEngagementEventHandler
    {
        public string Name => "half-done";

        public void OnEventApplied(EngagementEventContext context)
        {
            context.SetAttribute("half", "done");
            context.Emit("half.done", JsonDocument.Parse("{}").RootElement);
            throw new InvalidOperationException("handler bug");
        }
    }
}
