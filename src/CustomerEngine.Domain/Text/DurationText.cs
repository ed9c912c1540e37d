using System.Globalization;

namespace CustomerEngine.Domain.Text;

/// <summary>
/// Durations in words ("60 days", "5 minutes"), so that reasons and errors quote the configured
/// thresholds instead of hard-coded numbers.
/// </summary>
internal static class DurationText
{
    public static string Describe(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay == 0 && duration.Ticks != 0)
        {
            return Count((long)duration.TotalDays, "day");
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0 && duration.Ticks != 0)
        {
            return Count((long)duration.TotalHours, "hour");
        }

        if (duration.Ticks % TimeSpan.TicksPerMinute == 0 && duration.Ticks != 0)
        {
            return Count((long)duration.TotalMinutes, "minute");
        }

        if (duration.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return Count((long)duration.TotalSeconds, "second");
        }

        return duration.ToString("c", CultureInfo.InvariantCulture);
    }

    private static string Count(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? string.Empty : "s");
}
