using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Host.Tests;

public sealed class AcceptedEventRateTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Events_count_in_the_second_they_were_accepted()
    {
        var rate = new AcceptedEventRate(_clock);
        rate.Record(5);
        _clock.Advance(TimeSpan.FromSeconds(1));
        rate.Record(3);
        rate.Record(4);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var reading = rate.Read();

        Assert.Equal([5L, 7L], reading.History.TakeLast(2));
        Assert.Equal(1.2, reading.PerSecond, precision: 6);
        Assert.Equal(12, reading.LastMinute);
        Assert.Equal(AcceptedEventRate.HistorySeconds, reading.History.Count);
    }

    [Fact]
    public void Seconds_another_node_reports_add_to_this_node_s_and_a_second_reported_again_replaces_itself()
    {
        var rate = new AcceptedEventRate(_clock);
        rate.Record(5);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var (lastSecond, own) = rate.ReadOwn(2);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds() - 1, lastSecond);
        Assert.Equal([0L, 5L], own);

        // The other node reports its last two seconds, then the same seconds again with a batch
        // recorded late in the second one: counted once, as last reported.
        rate.ReportElsewhere("other", lastSecond, [2, 3]);
        rate.ReportElsewhere("other", lastSecond, [2, 4]);
        Assert.Equal([2L, 9L], rate.Read().History.TakeLast(2));
        Assert.Equal(11, rate.Read().LastMinute);
        Assert.Equal(own, rate.ReadOwn(2).Counts);

        rate.ForgetElsewhere("other");
        Assert.Equal([0L, 5L], rate.Read().History.TakeLast(2));
    }

    [Fact]
    public void Reported_seconds_older_than_the_history_are_not_kept()
    {
        var rate = new AcceptedEventRate(_clock);
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        rate.ReportElsewhere("other", now - 1, [7]);
        _clock.Advance(TimeSpan.FromSeconds(AcceptedEventRate.HistorySeconds + 1));
        rate.ReportElsewhere("other", now + AcceptedEventRate.HistorySeconds, [1]);

        var reading = rate.Read();
        Assert.Equal(1, reading.History.Sum());
        Assert.Equal(1, reading.History[^1]);
    }

    [Fact]
    public void The_current_second_counts_for_the_last_minute_but_not_yet_for_the_rate()
    {
        var rate = new AcceptedEventRate(_clock);
        rate.Record(9);

        var reading = rate.Read();

        Assert.Equal(9, reading.LastMinute);
        Assert.Equal(0, reading.PerSecond);
        Assert.All(reading.History, count => Assert.Equal(0, count));
    }

    [Fact]
    public void Old_seconds_leave_the_rate_the_minute_and_finally_the_history()
    {
        var rate = new AcceptedEventRate(_clock);
        rate.Record(6);

        _clock.Advance(TimeSpan.FromSeconds(11));
        var afterTen = rate.Read();
        _clock.Advance(TimeSpan.FromSeconds(50));
        var afterMinute = rate.Read();
        _clock.Advance(TimeSpan.FromSeconds(AcceptedEventRate.HistorySeconds));
        var afterHistory = rate.Read();

        Assert.Equal((0.0, 6L), (afterTen.PerSecond, afterTen.LastMinute));
        Assert.Equal(0, afterMinute.LastMinute);
        Assert.Equal(6, afterMinute.History[^61]);
        Assert.All(afterHistory.History, count => Assert.Equal(0, count));
    }

    [Fact]
    public void A_slot_reused_a_ring_later_starts_from_zero()
    {
        var rate = new AcceptedEventRate(_clock);
        rate.Record(100);
        _clock.Advance(TimeSpan.FromSeconds(AcceptedEventRate.HistorySeconds + 1));

        rate.Record(2);

        Assert.Equal(2, rate.Read().LastMinute);
    }

    [Fact]
    public void Concurrent_batches_are_all_counted()
    {
        var rate = new AcceptedEventRate(_clock);

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => rate.Record(3));

        Assert.Equal(30_000, rate.Read().LastMinute);
    }
}
