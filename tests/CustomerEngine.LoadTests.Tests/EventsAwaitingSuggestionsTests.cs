using System.Diagnostics;
using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Tests;

public sealed class EventsAwaitingSuggestionsTests
{
    private static readonly DateTimeOffset EnteredAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Suggestions_push_after_a_summary_covering_the_entry_answers_it()
    {
        var (awaiting, latency) = Create();
        awaiting.Await("cust-1", EnteredAt, TimeSpan.Zero);

        awaiting.SummaryArrived(0, "cust-1", EnteredAt);
        awaiting.SuggestionsArrived(0, "cust-1");

        Assert.Equal(1, latency.Count);
        Assert.Equal(0, awaiting.MeasuredCount);
        Assert.Equal(1, awaiting.Received);
    }

    [Fact]
    public void Suggestions_push_before_any_summary_covers_the_entry_belongs_to_an_earlier_change()
    {
        var (awaiting, latency) = Create();
        awaiting.Await("cust-1", EnteredAt, TimeSpan.Zero);

        awaiting.SummaryArrived(0, "cust-1", EnteredAt.AddSeconds(-30));
        awaiting.SuggestionsArrived(0, "cust-1");

        Assert.Equal(0, latency.Count);
        Assert.Equal(1, awaiting.MeasuredCount);
    }

    [Fact]
    public void Summary_at_another_dashboard_does_not_place_a_suggestions_push()
    {
        var (awaiting, latency) = Create();
        awaiting.Await("cust-1", EnteredAt, TimeSpan.Zero);

        awaiting.SummaryArrived(1, "cust-1", EnteredAt);
        awaiting.SuggestionsArrived(0, "cust-1");

        Assert.Equal(0, latency.Count);
        Assert.Equal(1, awaiting.MeasuredCount);
    }

    [Fact]
    public void Forgotten_entries_are_neither_awaited_nor_timed()
    {
        var (awaiting, latency) = Create();
        awaiting.Await("cust-1", EnteredAt, TimeSpan.Zero);

        Assert.Equal(1, awaiting.Forget("cust-1"));
        awaiting.SummaryArrived(0, "cust-1", EnteredAt);
        awaiting.SuggestionsArrived(0, "cust-1");

        Assert.Equal(0, latency.Count);
        Assert.Equal(0, awaiting.MeasuredCount);
    }

    private static (EventsAwaitingSuggestions Awaiting, LatencyRecorder Latency) Create()
    {
        var latency = new LatencyRecorder();
        return (new EventsAwaitingSuggestions(latency, Stopwatch.StartNew(), TimeSpan.Zero), latency);
    }
}
