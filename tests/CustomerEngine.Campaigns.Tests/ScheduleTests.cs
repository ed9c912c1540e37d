using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Tests.Support;

namespace CustomerEngine.Campaigns.Tests;

public sealed class ScheduleTests
{
    [Fact]
    public void Days_and_hours_are_read_in_the_campaigns_time_zone()
    {
        // 08:30 in Paris on a Saturday is 07:30 UTC (winter time).
        var schedule = Schedule("""{ "timeZone": "Europe/Paris", "days": ["sat", "sunday"], "hours": { "from": 8, "to": 12 } }""");

        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 21, 7, 30, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 20, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Hours_over_midnight_belong_to_the_day_they_start()
    {
        var schedule = Schedule("""{ "days": ["friday"], "hours": { "from": 22, "to": 2 } }""");

        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_campaign_is_open_from_its_start_until_just_before_its_end()
    {
        var schedule = Schedule("""{ "start": "2026-11-01T00:00:00Z", "end": "2026-12-01T00:00:00Z" }""");

        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    private static Scheduling.ScheduleWindow Schedule(string json)
    {
        var compilation = CampaignCompiler.Compile("c1", CampaignDefinitions.With(extra: $""" "schedule": {json} """));
        Assert.Empty(compilation.Errors);
        return compilation.Campaign!.Schedule;
    }
}
