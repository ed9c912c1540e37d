namespace CustomerEngine.Campaigns.Scheduling;

/// <summary>A validated schedule: whether a campaign may reach customers at a given moment.</summary>
public sealed class ScheduleWindow
{
    internal ScheduleWindow(DateTimeOffset? start, DateTimeOffset? end, TimeZoneInfo zone, IReadOnlySet<DayOfWeek>? days, int? fromHour, int? toHour)
    {
        Start = start;
        End = end;
        Zone = zone;
        Days = days;
        FromHour = fromHour;
        ToHour = toHour;
    }

    /// <summary>Always open.</summary>
    public static ScheduleWindow Always { get; } = new(null, null, TimeZoneInfo.Utc, null, null, null);

    /// <summary>The first moment, if any.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>The moment it closes for good (exclusive), if any.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>The zone days and hours are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The days of the week it is open, or null for every day.</summary>
    public IReadOnlySet<DayOfWeek>? Days { get; }

    /// <summary>The first local hour it is open, or null for all day.</summary>
    public int? FromHour { get; }

    /// <summary>The local hour it closes (exclusive), or null for all day.</summary>
    public int? ToHour { get; }

    /// <summary>True when the campaign may reach customers at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        if ((Start is { } start && now < start) || (End is { } end && now >= end))
        {
            return false;
        }

        if (Days is null && FromHour is null)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(now, Zone);
        if (FromHour is { } from && ToHour is { } to)
        {
            var hour = local.Hour;
            if (from < to ? hour < from || hour >= to : hour < from && hour >= to)
            {
                return false;
            }

            // The early hours of a range over midnight belong to the day it started.
            if (from > to && hour < to)
            {
                local = local.AddDays(-1);
            }
        }

        return Days is null || Days.Contains(local.DayOfWeek);
    }
}
