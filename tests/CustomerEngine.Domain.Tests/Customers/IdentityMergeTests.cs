using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class IdentityMergeTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    [Fact]
    public void Identification_records_the_anonymous_id()
    {
        var history = new History();

        var state = Fold.Apply(history.Identified("2025-01-10", "cookie-9"));

        Assert.Equal(["cookie-9"], state.MergedAnonymousIds);
    }

    [Fact]
    public void Second_identification_with_the_same_anonymous_id_changes_nothing_but_the_watermark()
    {
        var history = new History();
        var state = Fold.Apply(history.Viewed("2025-01-09"), history.Identified("2025-01-10", "cookie-9"));
        var before = Fold.Json(state);

        var repeat = history.Identified("2025-01-11", "cookie-9");
        CustomerEvolver.Apply(state, repeat, Rules);

        Assert.Equal(["cookie-9"], state.MergedAnonymousIds);
        Assert.Equal(repeat.Event.OccurredAt, state.LastAppliedAt);
        state.LastAppliedAt = Time.At("2025-01-10");
        state.LastAppliedSequence = 2;
        state.MaxSequence = 2;
        Assert.Equal(before, Fold.Json(state));
    }

    [Fact]
    public void Anonymous_history_folded_into_the_customer_counts_once_even_when_listed_twice()
    {
        var history = new History();
        var anonymousViews = new[]
        {
            history.AnonymousViewed("2025-01-05", "cookie-9", "sku-1"),
            history.AnonymousViewed("2025-01-06", "cookie-9", "sku-2"),
        };
        history.Registered("2025-01-10");
        history.Identified("2025-01-10T00:01Z", "cookie-9");
        history.Viewed("2025-01-11", "sku-3");

        // The caller reads the customer's stream and the visitor's stream; overlapping reads list the visitor's events twice.
        var state = CustomerEvolver.Replay("c-1", history.Events.Concat(anonymousViews), Rules);

        Assert.Equal(3, state.SegmentInputs.OnlineInteractions);
        Assert.Equal(["cookie-9"], state.MergedAnonymousIds);
        Assert.Equal(["viewed sku-3", "identified from anonymous visits", "registered as individual", "viewed sku-2", "viewed sku-1"], state.Recent.Select(r => r.Summary));
        Assert.Equal(Time.At("2025-01-05"), state.Lifecycle.Since);
    }
}
