using System.Globalization;

namespace CustomerEngine.Samples.BirthdayWeek;

/// <summary>
/// Birthdays as the plug-in keeps them: a month and day, <c>MM-DD</c>, whatever form the producer
/// sent. Pure calendar arithmetic, no clock: callers pass the day they mean.
/// </summary>
public static class Birthday
{
    /// <summary>
    /// The month and day of <paramref name="text"/> as <c>MM-DD</c>, or null when it is not a
    /// date of the form <c>MM-DD</c> or <c>YYYY-MM-DD</c>. <c>02-29</c> is a valid birthday.
    /// </summary>
    public static string? ToMonthDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Parsed against a leap year so that 29 February is accepted without a year.
        var trimmed = text.Trim();
        var withYear = trimmed.Length == 5 ? "2000-" + trimmed : trimmed;
        return DateOnly.TryParseExact(withYear, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// The birthday <paramref name="monthDay"/> (<c>MM-DD</c>) nearest to <paramref name="today"/>,
    /// last year's, this year's or next year's, and how many days away it is: negative when it has
    /// passed. In a year without 29 February, a 29 February birthday is kept on the 28th. Null when
    /// <paramref name="monthDay"/> is not <c>MM-DD</c>.
    /// </summary>
    public static (DateOnly Date, int Days)? Nearest(string? monthDay, DateOnly today)
    {
        if (ToMonthDay(monthDay) is not { } normalised)
        {
            return null;
        }

        var month = int.Parse(normalised.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(normalised.AsSpan(3, 2), CultureInfo.InvariantCulture);
        (DateOnly Date, int Days)? nearest = null;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            var date = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            var days = date.DayNumber - today.DayNumber;
            if (nearest is null || Math.Abs(days) < Math.Abs(nearest.Value.Days))
            {
                nearest = (date, days);
            }
        }

        return nearest;
    }
}
