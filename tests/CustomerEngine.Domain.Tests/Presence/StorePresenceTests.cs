using System.Text.Json;
using CustomerEngine.Domain.Presence;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Presence;

public sealed class StorePresenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(2);

    [Fact]
    public void Customer_who_entered_is_present()
    {
        var presence = new StorePresence();

        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));

        Assert.Equal(
            [new PresentCustomer("c-1", Time.At("2026-03-01T10:00Z"), Time.At("2026-03-01T10:00Z"))],
            presence.Present(Time.At("2026-03-01T10:30Z"), Timeout));
    }

    [Fact]
    public void Merging_another_nodes_record_keeps_the_later_of_each_signal_in_any_order()
    {
        var here = new StorePresence();
        here.Enter("c-1", Time.At("2026-03-01T10:00Z"));
        here.Enter("c-2", Time.At("2026-03-01T10:05Z"));
        var there = new StorePresence();
        there.Leave("c-1", Time.At("2026-03-01T10:20Z"));
        there.Enter("c-3", Time.At("2026-03-01T10:10Z"));
        there.Enter("c-2", Time.At("2026-03-01T09:00Z"));

        var hereFirst = new StorePresence();
        hereFirst.Merge(here);
        hereFirst.Merge(there);
        hereFirst.Merge(there);
        var thereFirst = new StorePresence();
        thereFirst.Merge(there);
        thereFirst.Merge(here);

        PresentCustomer[] expected =
        [
            new("c-3", Time.At("2026-03-01T10:10Z"), Time.At("2026-03-01T10:10Z")),
            new("c-2", Time.At("2026-03-01T10:05Z"), Time.At("2026-03-01T10:05Z")),
        ];
        var now = Time.At("2026-03-01T10:30Z");
        Assert.Equal(expected, hereFirst.Present(now, Timeout));
        Assert.Equal(expected, thereFirst.Present(now, Timeout));
    }

    [Fact]
    public void Customer_who_left_is_not_present()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));

        presence.Leave("c-1", Time.At("2026-03-01T10:20Z"));

        Assert.Empty(presence.Present(Time.At("2026-03-01T10:30Z"), Timeout));
    }

    [Fact]
    public void Leave_older_than_the_latest_enter_does_not_remove_the_customer()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));
        presence.Leave("c-1", Time.At("2026-03-01T10:20Z"));
        presence.Enter("c-1", Time.At("2026-03-01T11:00Z"));

        presence.Leave("c-1", Time.At("2026-03-01T10:40Z"));

        var present = Assert.Single(presence.Present(Time.At("2026-03-01T11:10Z"), Timeout));
        Assert.Equal(Time.At("2026-03-01T11:00Z"), present.EnteredAt);
    }

    [Fact]
    public void Late_enter_older_than_the_leave_does_not_bring_the_customer_back()
    {
        var presence = new StorePresence();
        presence.Leave("c-1", Time.At("2026-03-01T10:20Z"));

        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));

        Assert.Empty(presence.Present(Time.At("2026-03-01T10:30Z"), Timeout));
    }

    [Fact]
    public void Customer_not_seen_within_the_timeout_is_no_longer_present()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));

        Assert.Single(presence.Present(Time.At("2026-03-01T12:00Z"), Timeout));
        Assert.Empty(presence.Present(Time.At("2026-03-01T12:00:01Z"), Timeout));
    }

    [Fact]
    public void Being_seen_in_the_store_keeps_the_customer_present()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));

        presence.Seen("c-1", Time.At("2026-03-01T11:30Z"));
        presence.Seen("c-1", Time.At("2026-03-01T11:00Z"));

        var present = Assert.Single(presence.Present(Time.At("2026-03-01T13:00Z"), Timeout));
        Assert.Equal(Time.At("2026-03-01T11:30Z"), present.LastSeenAt);
    }

    [Fact]
    public void Being_seen_without_entering_does_not_count_as_present()
    {
        var presence = new StorePresence();

        presence.Seen("c-1", Time.At("2026-03-01T10:00Z"));

        Assert.Empty(presence.Present(Time.At("2026-03-01T10:30Z"), Timeout));
    }

    [Fact]
    public void Most_recently_seen_customers_come_first()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));
        presence.Enter("c-2", Time.At("2026-03-01T10:05Z"));
        presence.Enter("c-3", Time.At("2026-03-01T09:55Z"));
        presence.Seen("c-1", Time.At("2026-03-01T10:10Z"));

        var present = presence.Present(Time.At("2026-03-01T10:30Z"), Timeout);

        Assert.Equal(["c-1", "c-2", "c-3"], present.Select(p => p.CustomerId));
    }

    [Fact]
    public void Pruning_forgets_stale_customers_and_keeps_recent_ones()
    {
        var presence = new StorePresence();
        presence.Enter("stale", Time.At("2026-03-01T06:00Z"));
        presence.Enter("left-long-ago", Time.At("2026-03-01T07:00Z"));
        presence.Leave("left-long-ago", Time.At("2026-03-01T07:30Z"));
        presence.Enter("left-recently", Time.At("2026-03-01T09:00Z"));
        presence.Leave("left-recently", Time.At("2026-03-01T09:45Z"));
        presence.Enter("here", Time.At("2026-03-01T09:50Z"));

        presence.Prune(Time.At("2026-03-01T10:00Z"), Timeout);

        Assert.Equal(["here", "left-recently"], presence.Customers.Keys.Order());
    }

    [Fact]
    public void Late_enter_after_pruning_still_respects_the_kept_leave()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T09:00Z"));
        presence.Leave("c-1", Time.At("2026-03-01T09:45Z"));
        presence.Prune(Time.At("2026-03-01T10:00Z"), Timeout);

        presence.Enter("c-1", Time.At("2026-03-01T09:30Z"));

        Assert.Empty(presence.Present(Time.At("2026-03-01T10:00Z"), Timeout));
    }

    [Fact]
    public void Pruning_with_a_short_retention_keeps_only_the_customers_in_the_store_and_recent_departures()
    {
        var presence = new StorePresence();
        presence.Enter("here", Time.At("2026-03-01T09:00Z"));
        presence.Enter("left-an-hour-ago", Time.At("2026-03-01T08:30Z"));
        presence.Leave("left-an-hour-ago", Time.At("2026-03-01T09:00Z"));
        presence.Seen("only-seen", Time.At("2026-03-01T09:10Z"));
        presence.Enter("left-just-now", Time.At("2026-03-01T09:40Z"));
        presence.Leave("left-just-now", Time.At("2026-03-01T09:55Z"));

        presence.Prune(Time.At("2026-03-01T10:00Z"), Timeout, TimeSpan.FromMinutes(10));

        Assert.Equal(["here", "left-just-now"], presence.Customers.Keys.Order());
        Assert.Equal(Time.At("2026-03-01T09:00Z"), presence.DeparturesForgottenThrough);
    }

    [Fact]
    public void Late_enter_older_than_a_forgotten_departure_does_not_bring_the_customer_back()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T09:00Z"));
        presence.Leave("c-1", Time.At("2026-03-01T09:30Z"));
        presence.Prune(Time.At("2026-03-01T10:00Z"), Timeout, TimeSpan.FromMinutes(10));

        presence.Enter("c-1", Time.At("2026-03-01T09:20Z"));
        presence.Seen("c-1", Time.At("2026-03-01T09:25Z"));

        Assert.Empty(presence.Present(Time.At("2026-03-01T10:00Z"), Timeout));
        Assert.Empty(presence.Customers);
    }

    [Fact]
    public void Enter_after_the_forgotten_departures_counts_and_a_customer_still_held_takes_any_signal()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T09:00Z"));
        presence.Leave("c-1", Time.At("2026-03-01T09:30Z"));
        presence.Enter("c-2", Time.At("2026-03-01T09:10Z"));
        presence.Prune(Time.At("2026-03-01T10:00Z"), Timeout, TimeSpan.FromMinutes(10));

        presence.Enter("c-1", Time.At("2026-03-01T09:50Z"));
        presence.Seen("c-2", Time.At("2026-03-01T09:20Z"));

        var now = Time.At("2026-03-01T10:00Z");
        Assert.True(presence.IsPresent("c-1", now, Timeout));
        Assert.True(presence.IsPresent("c-2", now, Timeout));
        Assert.Equal(Time.At("2026-03-01T09:20Z"), presence.Customers["c-2"].LastSeenAt);
    }

    [Fact]
    public void Merging_keeps_the_latest_forgotten_departure_of_either_record()
    {
        var here = new StorePresence { DeparturesForgottenThrough = Time.At("2026-03-01T09:00Z") };
        var there = new StorePresence { DeparturesForgottenThrough = Time.At("2026-03-01T09:30Z") };

        here.Merge(there);
        there.Merge(new StorePresence());

        Assert.Equal(Time.At("2026-03-01T09:30Z"), here.DeparturesForgottenThrough);
        Assert.Equal(Time.At("2026-03-01T09:30Z"), there.DeparturesForgottenThrough);
    }

    [Fact]
    public void A_customer_not_seen_within_the_timeout_is_timed_out_until_pruned()
    {
        var presence = new StorePresence();
        presence.Enter("stays", Time.At("2026-03-01T10:00Z"));
        presence.Seen("stays", Time.At("2026-03-01T11:30Z"));
        presence.Enter("forgotten", Time.At("2026-03-01T10:00Z"));
        presence.Enter("left", Time.At("2026-03-01T10:00Z"));
        presence.Leave("left", Time.At("2026-03-01T10:10Z"));
        var now = Time.At("2026-03-01T12:30Z");

        var timedOut = presence.TimedOut(now, Timeout);
        presence.Prune(now, Timeout);

        Assert.Equal(["forgotten"], timedOut);
        Assert.False(presence.IsPresent("forgotten", now, Timeout));
        Assert.True(presence.IsPresent("stays", now, Timeout));
        Assert.Empty(presence.TimedOut(now, Timeout));
    }

    [Fact]
    public void Presence_round_trips_through_json()
    {
        var presence = new StorePresence();
        presence.Enter("c-1", Time.At("2026-03-01T10:00Z"));
        presence.Enter("c-2", Time.At("2026-03-01T10:05Z"));
        presence.Leave("c-2", Time.At("2026-03-01T10:15Z"));
        presence.DeparturesForgottenThrough = Time.At("2026-03-01T09:00Z");
        var json = JsonSerializer.Serialize(presence);

        var copy = JsonSerializer.Deserialize<StorePresence>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy));
        Assert.Equal(presence.DeparturesForgottenThrough, copy.DeparturesForgottenThrough);
        Assert.Equal(presence.Present(Time.At("2026-03-01T10:30Z"), Timeout), copy.Present(Time.At("2026-03-01T10:30Z"), Timeout));
    }
}
