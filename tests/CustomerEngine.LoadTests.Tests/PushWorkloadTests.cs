using System.Diagnostics;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Tests;

public sealed class PushWorkloadTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Arrival_into_a_watched_store_awaits_its_suggestions()
    {
        var (workload, suggestions) = Create();

        workload.AwaitPushes([Event("cust-1", "S1", "store.entered"), Event("cust-1", "S1", "product.viewed")], TimeSpan.Zero);

        Assert.Equal(1, suggestions.MeasuredCount);
    }

    [Fact]
    public void Entry_followed_by_a_basket_in_its_batch_does_not_await_suggestions()
    {
        // The basket is the last trigger: the grain pushes suggestions only if they changed.
        var (workload, suggestions) = Create();

        workload.AwaitPushes([Event("cust-1", "S1", "store.entered"), Event("cust-1", "S1", "cart.added")], TimeSpan.Zero);

        Assert.Equal(0, suggestions.MeasuredCount);
    }

    [Fact]
    public void Entry_of_a_customer_already_present_does_not_await_suggestions()
    {
        var (workload, suggestions) = Create();
        workload.AwaitPushes([Event("cust-1", "S1", "store.entered")], TimeSpan.Zero)();
        suggestions.Forget("cust-1");

        workload.AwaitPushes([Event("cust-1", "S1", "store.entered", seconds: 1)], TimeSpan.FromSeconds(1));

        Assert.Equal(0, suggestions.MeasuredCount);
    }

    [Fact]
    public void Entry_into_a_store_without_a_dashboard_does_not_await_suggestions()
    {
        var (workload, suggestions) = Create();

        workload.AwaitPushes([Event("cust-2", "S2", "store.entered")], TimeSpan.Zero);

        Assert.Equal(0, suggestions.MeasuredCount);
    }

    private static (PushWorkload Workload, EventsAwaitingSuggestions Suggestions) Create()
    {
        var clock = Stopwatch.StartNew();
        var suggestions = new EventsAwaitingSuggestions(new LatencyRecorder(), clock, TimeSpan.Zero);
        var awaiting = new EventsAwaitingPush(new LatencyRecorder(), clock, TimeSpan.Zero);
        return (new PushWorkload(new HashSet<string>(["S1"], StringComparer.Ordinal), awaiting, TimeSpan.Zero, suggestions), suggestions);
    }

    private static GeneratedEvent Event(string customerId, string storeId, string type, int seconds = 0) => new(customerId, storeId, type, At.AddSeconds(seconds));
}
